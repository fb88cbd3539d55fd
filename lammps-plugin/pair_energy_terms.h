// The energy of one pair of atoms and the self energy of one atom, computed by the pair
// style itself (Pair::single), for the styles of the model that are sums of such terms, and
// which (sub-)styles are many-body styles whose energy ManyBodyCluster evaluates instead:
// what local energy differences (local_energy.h) are made of. Says why a model allows no
// local energy difference where it does not (kspace, styles neither pairwise nor known
// many-body on the changed types, charge equilibration, tail corrections, bonds,
// energy-carrying fixes).
#pragma once

#include "lammps.h"
#include "pointers.h"

#include "many_body_cluster.h"

namespace LAMMPS_NS {
class Pair;
class PairHybrid;
}  // namespace LAMMPS_NS

#include <string>
#include <vector>

namespace exsolve {

class PairEnergyTerms : protected LAMMPS_NS::Pointers {
 public:
  explicit PairEnergyTerms(LAMMPS_NS::LAMMPS *lmp) : Pointers(lmp) {}
  // After the pair style's init: "" when every energy term that involves an atom of one of
  // `changed_types` is a pair or self term of a style known here or a term of a many-body
  // style known here; otherwise the reason, for a user (e.g. "pair style snap/kk acts on
  // type 5, which the move changes, and is a Kokkos many-body style..."). The same on every
  // rank.
  std::string why_not_local(const std::vector<int> &changed_types);
  // The many-body (sub-)styles acting on some of `changed_types`, with the type pairs each
  // acts on; pair_energy() leaves them out.
  std::vector<ManyBodyCluster::Style> many_body_styles(const std::vector<int> &changed_types);
  // Reads the self-energy parameters of the damped Coulomb styles; call after init and
  // before self_energy. Needs why_not_local() == "".
  void setup();
  // Makes room for the two scratch atoms pair_energy uses (past the local and ghost atoms);
  // call once before a series of pair_energy calls, while the atom count stays the same.
  void reserve_scratch_atoms();
  // The energy of the pairwise (sub-)styles for atoms of types itype, jtype with charges qi,
  // qj (ignored without charges) at squared distance rsq (0 beyond the cutoff of that type
  // pair).
  double pair_energy(int itype, double qi, int jtype, double qj, double rsq);
  // The energy a damped Coulomb style (coul/dsf, coul/wolf, lj/cut/coul/dsf) gives every
  // atom of charge q on its own (its self term); 0 for other styles.
  double self_energy(int type, double q) const;
  // The largest pair cutoff (Å).
  double cutoff() const;
  // After setup(): false when every (sub-)style is many-body (pair_energy() and
  // self_energy() are 0 for every pair and atom).
  bool has_pair_terms() const;

 private:
  struct SelfTerm {
    double energy_per_charge_sq;   // eV/e^2, qqrd2e included
    std::vector<bool> applies_to;  // per atom type (index 1..ntypes)
  };
  std::vector<SelfTerm> self_terms_;
  LAMMPS_NS::PairHybrid *hybrid_ = nullptr;  // the model's pair hybrid, if it is one
  // Per (sub-)style: computed here as its compute() does, or through Pair::single.
  enum class OwnEnergy { NONE, LJ_CUT_COUL_DSF, COUL_WOLF, MANY_BODY };
  std::vector<OwnEnergy> own_energy_;
  double style_energy(LAMMPS_NS::Pair *style, OwnEnergy own, int itype, double qi, int jtype, double qj, double rsq);
  int scratch_i_ = -1, scratch_j_ = -1;
};

}  // namespace exsolve
