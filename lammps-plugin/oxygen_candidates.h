// Which oxygens a removal of fix reduce/oxygen may pick: type and group, region, surface,
// and the interface shells of tracked particles (near/far), gathered and ordered by
// position on every rank, so that the same random draw picks the same oxygen whatever the
// decomposition or the local order of the atoms (Kokkos sorts them).
#pragma once

#include "lmptype.h"
#include "pointers.h"

#include "owned_atoms.h"

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
  // The candidates, gathered anew after invalidate(); `particle_filters` false: ignoring
  // near/far (before particles are identified).
  const std::vector<OxygenSite> &sites(bool particle_filters = true);
  // The atoms changed (or were copied anew): gather again at the next sites().
  void invalidate() { valid_ = false; }
  // Site k's oxygen was removed. `atoms_in_place`: no other atom changed or moved, so the
  // other sites stay candidates unless the surface moved; otherwise gather again.
  void removed(int k, bool atoms_in_place);

 private:
  struct ParticleShell;
  std::vector<ParticleShell> particle_shells() const;
  // Highest coordinate of a group atom along the surface axis, on all ranks.
  double surface_top() const;

  const OwnedAtoms &owned_;
  CandidateRules rules_;
  std::vector<OxygenSite> sites_;
  bool valid_ = false;
};

}  // namespace exsolve
