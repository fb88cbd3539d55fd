// Members of pair style meam that no release lets the plugin name: PairMEAM::meam_inst (the
// model, a MEAM instance) and MEAM::ebound_meam (how far its screening reaches) are private
// in LAMMPS 29 Sep 2021 and protected later.
#pragma once

#include "meam.h"

namespace LAMMPS_NS {
class PairMEAM;
}  // namespace LAMMPS_NS

namespace exsolve {

#ifdef maxelt
constexpr int MEAM_ELEMENTS = maxelt;  // 29 Sep 2021: a macro
#else
constexpr int MEAM_ELEMENTS = MAXELT;
#endif

// The style's model (for meam/kk a MEAMKokkos).
LAMMPS_NS::MEAM *&meam_instance(LAMMPS_NS::PairMEAM &pair);
// ebound per element pair: Cmax^2 / (4 (Cmax - 1)) after the style's pair_coeff.
const double (&meam_ebound(const LAMMPS_NS::MEAM &meam))[MEAM_ELEMENTS][MEAM_ELEMENTS];

}  // namespace exsolve
