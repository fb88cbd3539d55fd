// SNAP's energy without its forces. compute() makes every atom's bispectrum B (the
// expansion of its neighbour density in hyperspherical harmonics: U, then Z, then B) and
// then, for the forces, the adjoint Y and dU/dr of every neighbour, two thirds of its time
// (perf on the cluster evaluations of bench/reduce_oxygen/many_body.sh). A Monte Carlo
// energy difference needs only E_i = s_tt (c_e0 + sum_k c_ek B_ik [+ the quadratic terms]),
// from the style's own bispectrum routine: the same numbers compute() adds up, in the same
// order.
#pragma once

namespace LAMMPS_NS {
class LAMMPS;
class Pair;
}  // namespace LAMMPS_NS

namespace exsolve {
namespace snap {

// Sets `energy` to the energy (eV) of the atoms of the style's current neighbor list, as
// compute(eflag = 1) sums it into eng_vdwl, and returns true, where `pair` is pair style
// snap itself in a LAMMPS built with ML-SNAP; otherwise (another style, or a snap variant
// with other data, such as snap/kk) returns false and computes nothing.
bool energy_of_list(LAMMPS_NS::LAMMPS *lmp, LAMMPS_NS::Pair *pair, double &energy);

}  // namespace snap
}  // namespace exsolve
