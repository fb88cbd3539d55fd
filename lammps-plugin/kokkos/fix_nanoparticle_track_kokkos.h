// fix nanoparticle/track/kk: the cluster identification of fix nanoparticle/track (the
// costly part) on a Kokkos execution space. Labels propagate by synchronous (Jacobi)
// sweeps over the local atoms, race-free on threads and GPUs; the fixed point is the same
// (smallest atom ID per cluster), so IDs and events are identical to the host fix.
#pragma once

#include "fix_nanoparticle_track.h"

#include "kokkos_type.h"

namespace LAMMPS_NS {

template <class DeviceType>
class FixNanoparticleTrackKokkos : public FixNanoparticleTrack {
 public:
  typedef DeviceType device_type;
  typedef ArrayTypes<DeviceType> AT;

  FixNanoparticleTrackKokkos(class LAMMPS *, int, char **);
  ~FixNanoparticleTrackKokkos() override;
  void post_constructor() override;
  void init() override;
  // Public: nvcc does not allow device lambdas in private or protected member functions.
  void propagate_labels_locally(bool first_pass) override;

 protected:
  void grow_label_storage() override;

 private:
  DAT::tdual_float_1d k_label_;
  Kokkos::View<double *, DeviceType> d_next_label_;
};

}  // namespace LAMMPS_NS
