// A many-body style's compute() on the host atom arrays, which is what ManyBodyCluster runs
// on a cluster. A Kokkos variant's compute() works on its device views and its Kokkos
// neighbor list, neither of which holds the cluster. sw/kk and tersoff/kk keep their base
// style's host parameters (their coeff() fills them through the base style's, then copies
// them to the device), so the base style's compute() evaluates the same model on the host;
// meam/kk's model is evaluated by the host meam's compute() on a host copy of it
// (meam_on_host.h).
#pragma once

#include "pointers.h"

#include <memory>

namespace LAMMPS_NS {
class Pair;
}  // namespace LAMMPS_NS

namespace exsolve {

#ifdef EXSOLVE_WITH_MEAM_KOKKOS
class MeamOnHost;
#endif

class HostCompute : protected LAMMPS_NS::Pointers {
 public:
  // Whether the style can be evaluated: a host style, sw/kk, tersoff/kk, or meam/kk where
  // the plugin was built with it (LAMMPS 4 Feb 2025 and later with KOKKOS and MEAM).
  static bool possible(LAMMPS_NS::Pair *pair);
  // After the style's pair_coeff, where possible(pair).
  HostCompute(LAMMPS_NS::LAMMPS *lmp, LAMMPS_NS::Pair *pair);
  ~HostCompute();
  HostCompute(const HostCompute &) = delete;
  HostCompute &operator=(const HostCompute &) = delete;
  // At the start of every Monte Carlo invocation.
  void start_invocation();
  // The style's energy of the atoms in its current neighbor lists into eng_vdwl/eng_coul,
  // no virial (forces go to atom->f).
  void compute(int eflag);

 private:
  LAMMPS_NS::Pair *pair_;
#ifdef EXSOLVE_WITH_MEAM_KOKKOS
  std::unique_ptr<MeamOnHost> meam_;  // meam/kk only
#endif
};

}  // namespace exsolve
