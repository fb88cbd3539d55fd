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
class Pair;
class PairMEAM;
}  // namespace LAMMPS_NS

namespace exsolve {

class HostMeam;

class MeamOnHost : protected LAMMPS_NS::Pointers {
 public:
  // Whether `pair` is a Kokkos variant of pair style meam (meam/kk).
  static bool applies(LAMMPS_NS::Pair *pair);
  // After the style's pair_coeff, where applies(pair).
  MeamOnHost(LAMMPS_NS::LAMMPS *lmp, LAMMPS_NS::Pair *pair);
  ~MeamOnHost();
  MeamOnHost(const MeamOnHost &) = delete;
  MeamOnHost &operator=(const MeamOnHost &) = delete;
  // At the start of every Monte Carlo invocation: the model is copied again at the next
  // compute (a pair_coeff makes its tables anew, and a run with `pre no` runs no init()).
  void start_invocation();
  // PairMEAM::compute(eflag, no virial) with the host copy as the model (global energy only:
  // the host compute would make eatom anew, which meam/kk holds as a Kokkos view).
  void compute(int eflag);

 private:
  LAMMPS_NS::PairMEAM *pair_;
  std::unique_ptr<HostMeam> host_;  // made at the first compute of an invocation
};

}  // namespace exsolve
