// Which oxygens a removal of fix reduce/oxygen may pick: type and group, region, surface,
// and the interface shells of tracked particles (near/far), gathered and ordered by
// position on every rank, so that the same random draw picks the same oxygen whatever the
// decomposition or the local order of the atoms (Kokkos sorts them).
// With type and group alone the choice does not depend on where the atoms are: the ordered
// list of IDs is kept across invocations, checked (count and a hash of the IDs) only when the
// atom copy was built anew, and listed again only when the candidates changed; the picked
// oxygen's place and charge come from its owner. An invocation then costs nothing per atom.
#pragma once

#include "lmptype.h"
#include "pointers.h"

#include "owned_atoms.h"

#include <cstdint>
#include <string>
#include <vector>

namespace exsolve {

// near/far: oxygens within `distance` of some atom (near) or beyond it from every atom
// (far) of the particles a fix nanoparticle/track identified last.
struct ParticleFilter {
  std::string track_id;
  double distance;
  bool near;
};

struct CandidateRules {
  int oxygen_type = 0;
  int groupbit = 0;
  std::string region;          // candidates inside this region only ("" = anywhere)
  int surface_axis = -1;       // candidates within surface_depth of the outermost
  double surface_depth = 0.0;  //   group atom along this axis (-1 = anywhere)
  std::vector<ParticleFilter> particle_filters;
};

// An oxygen a removal may pick, as every rank sees it.
struct OxygenSite {
  double x[3];
  LAMMPS_NS::tagint tag;
  double charge;
  int mask;
};

class OxygenCandidates : protected LAMMPS_NS::Pointers {
 public:
  // owned: the fix's atom copy, which the candidates are chosen from.
  OxygenCandidates(LAMMPS_NS::LAMMPS *lmp, const OwnedAtoms &owned) : Pointers(lmp), owned_(owned) {}
  void set_rules(const CandidateRules &rules) { rules_ = rules; }
  // At init: every near/far filter names an existing fix nanoparticle/track.
  void check_filters() const;
  // An invocation starts; `atoms_rebuilt`: the atom copy was built anew (its atoms may have
  // changed owners, number or types), not kept.
  void start_invocation(bool atoms_rebuilt);
  // How many oxygens may be picked now (collective). `particle_filters` false: ignoring
  // near/far (before particles are identified), without keeping what it gathers.
  int count(bool particle_filters = true);
  // Candidate k of count()'s, as it is now (collective).
  OxygenSite site(int k);
  // The atoms changed (an oxygen came back): list again at the next count().
  void invalidate() { valid_ = false; }
  // Candidate k's oxygen was removed. `atoms_in_place`: no other atom changed or moved, so
  // the other sites stay candidates unless the surface moved; otherwise gather again.
  void removed(int k, bool atoms_in_place);

 private:
  struct ParticleShell;
  std::vector<ParticleShell> particle_shells() const;
  // Highest coordinate of a group atom along the surface axis, on all ranks.
  double surface_top() const;
  // Type and group alone: where an oxygen is does not decide whether it is a candidate.
  bool by_type_and_group() const
  {
    return rules_.region.empty() && rules_.surface_axis < 0 && rules_.particle_filters.empty();
  }
  bool is_candidate(const OwnedAtoms::Atom &a) const
  {
    return a.present && a.type == rules_.oxygen_type && (a.mask & rules_.groupbit);
  }
  // Every rank's candidates, ordered by position (sites_, and the IDs and their hash).
  void gather_sites(bool particle_filters);
  // Count and hash of the candidates' IDs on all ranks: whether the kept list still holds.
  bool list_holds() const;

  const OwnedAtoms &owned_;
  CandidateRules rules_;
  std::vector<OxygenSite> sites_;        // with filters: this invocation's candidates
  std::vector<LAMMPS_NS::tagint> tags_;  // type and group alone: the kept list
  std::uint64_t tags_hash_ = 0;
  bool valid_ = false;       // sites_ or tags_ are current
  bool check_list_ = false;  // tags_: compare with the atoms at the next count()
};

}  // namespace exsolve
