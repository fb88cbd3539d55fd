// SNAP's energy without its forces. compute() makes every atom's bispectrum B (the
// expansion of its neighbour density in hyperspherical harmonics: U, then Z, then B) and
// then, for the forces, the adjoint Y and dU/dr of every neighbour, two thirds of its time
// (perf on the cluster evaluations of bench/reduce_oxygen/many_body.sh). A Monte Carlo
// energy difference needs only E_i = s_tt (c_e0 + sum_k c_ek B_ik [+ the quadratic terms]),
// from the style's own bispectrum routine: for pair style snap, the same numbers compute()
// adds up, in the same order. It runs on the host from the style's host data, so it serves
// snap/kk as well (whose compute() runs on the Kokkos device: the same formula, in the
// precision of that build).
#pragma once

#include <memory>
#include <vector>

namespace LAMMPS_NS {
class Pair;
}  // namespace LAMMPS_NS

namespace exsolve {

class SnapEnergy {
 public:
  // Whether `pair` is pair style snap or a variant of it (snap/kk) in a LAMMPS built with
  // ML-SNAP.
  static bool applies(LAMMPS_NS::Pair *pair);
  // Where applies(pair), after the style's init; otherwise null.
  static std::shared_ptr<SnapEnergy> of(LAMMPS_NS::Pair *pair);
  // The energy (eV) of the atoms of the style's current neighbor list (pair->list), as
  // compute(eflag = 1) sums it into eng_vdwl; `type`: the atom types the list indexes.
  double energy_of_list(const int *type);

 private:
  explicit SnapEnergy(LAMMPS_NS::Pair *pair) : pair_(pair) {}
  LAMMPS_NS::Pair *pair_;
  std::vector<double> values_;  // the bispectrum, a row per list atom
  std::vector<double *> rows_;
};

}  // namespace exsolve
