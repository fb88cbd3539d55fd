// The cluster labelling of fix nanoparticle/track/kk on a Kokkos execution space: the host
// labeller's union-find over the group atoms' neighbor pairs, made lock-free
// (compare-and-swap links), gives the same labels (smallest atom ID per cluster), so IDs
// and events are identical. Only the kernel and the label storage differ from the host
// labeller; the communication rounds are the host labeller's.
#pragma once

#include "cluster_labeller.h"

#include "kokkos_type.h"

namespace exsolve {

template <class DeviceType>
class ClusterLabellerKokkos : public ClusterLabeller {
 public:
  using ClusterLabeller::ClusterLabeller;
  ~ClusterLabellerKokkos() override;
  // Public: nvcc does not allow device lambdas in private or protected member functions.
  void propagate_locally(bool first_pass) override;
  // No host forest here: clusters are numbered from the labels.
  void number_clusters(ClusterNumbering &numbering) override { number_clusters_by_label(numbering); }

 protected:
  void grow_label_storage() override;

 private:
  DAT::tdual_double_1d k_label_;  // DAT: kokkos_type.h, global namespace
  Kokkos::View<int *, DeviceType> d_group_atoms_;
  int n_group_atoms_ = 0;
  // Grown as needed, reused: the forest over the group atoms (-1: not in the group),
  // smallest label per component (later rounds), ghosts within the cutoff of a local
  // group atom.
  Kokkos::View<int *, DeviceType> d_parent_;
  Kokkos::View<double *, DeviceType> d_component_min_;
  Kokkos::View<char *, DeviceType> d_ghost_connected_;
};

}  // namespace exsolve
