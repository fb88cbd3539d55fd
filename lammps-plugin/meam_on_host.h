// pair style meam/kk's model evaluated by the host meam's compute(). PairMEAMKokkos keeps the
// model of its pair_coeff in its MEAMKokkos instance as the base MEAM holds it (parameters and
// the host pair tables, computed by MEAM::meam_setup_done and then copied to the device), but
// its work arrays (densities, screening) are Kokkos views: MEAMKokkos overrides
// meam_dens_setup() and never makes the host arrays that the host compute() writes. Here a
// host MEAM is copied from that instance, sharing its tables and making work arrays of its
// own, and stands in as the style's model while PairMEAM::compute() runs.
// Built where LAMMPS has meam/kk (LAMMPS 4 Feb 2025 and later with KOKKOS and MEAM).
#pragma once

#include "pointers.h"

#include <memory>

namespace LAMMPS_NS {
class LAMMPS;
class MEAM;
class Pair;
class PairMEAM;
}  // namespace LAMMPS_NS

namespace exsolve {

class MeamOnHost : protected LAMMPS_NS::Pointers {
 public:
  // Whether `pair` is a Kokkos variant of pair style meam (meam/kk).
  static bool applies(LAMMPS_NS::Pair *pair);
  // After the style's pair_coeff, where applies(pair).
  MeamOnHost(LAMMPS_NS::LAMMPS *lmp, LAMMPS_NS::Pair *pair);
  ~MeamOnHost();
  MeamOnHost(const MeamOnHost &) = delete;
  MeamOnHost &operator=(const MeamOnHost &) = delete;
  // PairMEAM::compute(eflag, no virial) with the host copy as the model.
  void compute(int eflag);

 private:
  LAMMPS_NS::PairMEAM *pair_;
  std::unique_ptr<LAMMPS_NS::MEAM> host_;
};

}  // namespace exsolve
