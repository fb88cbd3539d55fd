// fix nanoparticle/track/kk: the cluster identification of fix nanoparticle/track (the
// costly part) on a Kokkos execution space: the host fix's union-find over the group
// atoms' neighbor pairs, made lock-free (compare-and-swap hooks), gives the same labels
// (smallest atom ID per cluster), so IDs and events are identical.
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
  // No union-find forest here: clusters are numbered from the labels.
  void number_clusters() override { number_clusters_by_label(); }
  void grow_label_storage() override;

 private:
  DAT::tdual_float_1d k_label_;
  Kokkos::View<int *, DeviceType> d_group_atoms_;
  int n_group_atoms_ = 0;
  // Grown as needed, reused: union-find forest over the group atoms (-1: not in the
  // group), smallest label per component (later rounds), ghosts within the cutoff of a
  // local group atom.
  Kokkos::View<int *, DeviceType> d_parent_;
  Kokkos::View<double *, DeviceType> d_component_min_;
  Kokkos::View<char *, DeviceType> d_ghost_connected_;
};

}  // namespace LAMMPS_NS
