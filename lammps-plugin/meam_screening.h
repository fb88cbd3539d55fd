// How far MEAM's screening reaches past a pair: pair style meam screens a pair i-j by the
// atoms k inside an ellipse around it, which lie within sqrt(ebound) r_ij of both i and j
// (MEAM::ebound_meam, the largest over the element triplets: Cmax^2 / (4 (Cmax - 1)), 1.089
// for the default Cmax 2.8, 1.333 for Cmax 4), and LAMMPS finds them in i's neighbor list.
// An atom's energy therefore depends on the atoms within sqrt(ebound) rc of it, and LAMMPS
// finds all of them only where the list reaches that far: (sqrt(ebound) - 1) rc <= skin.
#pragma once

namespace LAMMPS_NS {
class Pair;
}  // namespace LAMMPS_NS

namespace exsolve {

// sqrt of the largest ebound of a pair style meam (PairMEAM) after its pair_coeff: the reach
// of an atom's terms in units of the cutoff.
double meam_screening_reach_factor(LAMMPS_NS::Pair *meam);

}  // namespace exsolve
