// compute interface/bonds/kk: the bond-counting kernel of compute interface/bonds on a
// Kokkos execution space (OpenMP, Serial, or a GPU). Everything else (arguments, errors,
// reductions, per-particle rows) is the host class's; results are identical.
#pragma once

#include "compute_interface_bonds.h"

#include "kokkos_type.h"

namespace LAMMPS_NS {

template <class DeviceType>
class ComputeInterfaceBondsKokkos : public ComputeInterfaceBonds {
 public:
  typedef DeviceType device_type;
  typedef ArrayTypes<DeviceType> AT;

  ComputeInterfaceBondsKokkos(class LAMMPS *, int, char **);
  ~ComputeInterfaceBondsKokkos() override;
  void init() override;
  // Public: nvcc does not allow device lambdas in private or protected member functions.
  void count_bonds() override;

 private:
  DAT::tdual_double_1d k_bonds_;
  Kokkos::View<double **, DeviceType> d_cutoff_sq_;
  Kokkos::View<double *, DeviceType> d_atoms_with_bonds_;  // metal atoms by exact bond count
};

}  // namespace LAMMPS_NS
