#include "fix_nanoparticle_track_kokkos.h"

#include "compat.h"

#include "atom_kokkos.h"
#include "atom_masks.h"
#include "comm.h"
#include "memory_kokkos.h"
#include "neigh_list_kokkos.h"
#include "neighbor.h"
#include "utils.h"

using namespace LAMMPS_NS;

template <class DeviceType>
FixNanoparticleTrackKokkos<DeviceType>::FixNanoparticleTrackKokkos(LAMMPS *lmp, int narg, char **arg)
    : FixNanoparticleTrack(lmp, narg, arg)
{
  atomKK = (AtomKokkos *) atom;
}

template <class DeviceType>
void FixNanoparticleTrackKokkos<DeviceType>::post_constructor()
{
  // Restart files match fix state by ID and style, and LAMMPS sets the suffixed style
  // name after construction: go by the host style's name from here on, so that a run can
  // be continued with or without -sf kk.
  delete[] style;
  style = utils::strdup("nanoparticle/track");
  if (comm->me == 0)
    utils::logmesg(lmp, "fix nanoparticle/track {}: Kokkos variant, cluster identification on the {}\n", id,
                   std::is_same<DeviceType, LMPDeviceType>::value ? "Kokkos device" : "Kokkos host");
}

template <class DeviceType>
FixNanoparticleTrackKokkos<DeviceType>::~FixNanoparticleTrackKokkos()
{
  if (copymode) return;
  // label_ is the host side of k_label_: free it through Kokkos, not memory.
  memoryKK->destroy_kokkos(k_label_, label_);
  label_ = nullptr;
}

template <class DeviceType>
void FixNanoparticleTrackKokkos<DeviceType>::init()
{
  FixNanoparticleTrack::init();
  exsolve::compat::mark_last_request_kokkos<DeviceType, LMPHostType, LMPDeviceType>(neighbor, this);
}

template <class DeviceType>
void FixNanoparticleTrackKokkos<DeviceType>::grow_label_storage()
{
  if (atom->nmax > nmax_labels_) {
    memoryKK->destroy_kokkos(k_label_, label_);
    nmax_labels_ = atom->nmax;
    memoryKK->create_kokkos(k_label_, label_, nmax_labels_, "nanoparticle/track:label");
  }
}

template <class DeviceType>
void FixNanoparticleTrackKokkos<DeviceType>::propagate_labels_locally(bool first_pass)
{
  // The host side holds the labels the last communication brought in.
  k_label_.template modify<LMPHostType>();
  k_label_.template sync<DeviceType>();
  atomKK->sync(ExecutionSpaceFromDevice<DeviceType>::space, X_MASK | MASK_MASK);

  auto *k_list = static_cast<NeighListKokkos<DeviceType> *>(list_);
  auto d_ilist = k_list->d_ilist;
  auto d_numneigh = k_list->d_numneigh;
  auto d_neighbors = k_list->d_neighbors;
  auto x = atomKK->k_x.template view<DeviceType>();
  auto mask = atomKK->k_mask.template view<DeviceType>();
  auto label = k_label_.template view<DeviceType>();
  const int nlocal = atom->nlocal;
  const int nall = atom->nlocal + atom->nghost;
  const int bit = groupbit;
  const double cutoff_sq = cutoff_sq_;

  // The local group atoms in list order, gathered once per identification.
  if (first_pass) {
    const int inum = list_->inum;
    if (static_cast<int>(d_group_atoms_.extent(0)) < inum)
      d_group_atoms_ = Kokkos::View<int *, DeviceType>("nanoparticle/track:group_atoms", inum);
    auto group_atoms = d_group_atoms_;
    n_group_atoms_ = 0;
    Kokkos::parallel_scan(
        "nanoparticle/track:group_atoms", Kokkos::RangePolicy<DeviceType>(0, inum),
        KOKKOS_LAMBDA(const int ii, int &offset, const bool final) {
          const int i = d_ilist(ii);
          if (i >= nlocal || !(mask(i) & bit)) return;
          if (final) group_atoms(offset) = i;
          ++offset;
        },
        n_group_atoms_);

    // Ghosts within the cutoff of a local group atom (see ghost_connected_).
    if (static_cast<int>(d_ghost_connected_.extent(0)) < nall)
      d_ghost_connected_ = Kokkos::View<char *, DeviceType>("nanoparticle/track:ghost_connected", nall);
    auto connected = Kokkos::subview(d_ghost_connected_, std::make_pair(0, nall));
    Kokkos::deep_copy(connected, 0);
    auto members = d_group_atoms_;
    Kokkos::parallel_for(
        "nanoparticle/track:ghost_connected", Kokkos::RangePolicy<DeviceType>(0, n_group_atoms_),
        KOKKOS_LAMBDA(const int g) {
          const int i = members(g);
          for (int jj = 0; jj < d_numneigh(i); ++jj) {
            const int j = d_neighbors(i, jj) & NEIGHMASK;
            if (j < nlocal || j >= nall || !(mask(j) & bit)) continue;
            const double dx = x(i, 0) - x(j, 0);
            const double dy = x(i, 1) - x(j, 1);
            const double dz = x(i, 2) - x(j, 2);
            if (dx * dx + dy * dy + dz * dz < cutoff_sq) connected(j) = 1;
          }
        });
    auto host_connected = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), connected);
    ghost_connected_.assign(host_connected.data(), host_connected.data() + nall);
  }
  auto group_atoms = d_group_atoms_;

  // In-place relaxation: every connected pair takes the smaller label through atomic
  // minima, ghosts included (reverse communication carries those to their owners). The
  // order of updates varies between threads, the fixed point does not: the smallest label
  // of each connected component.
  while (true) {
    int changed = 0;
    Kokkos::parallel_reduce(
        "nanoparticle/track:relabel", Kokkos::RangePolicy<DeviceType>(0, n_group_atoms_),
        KOKKOS_LAMBDA(const int g, int &count) {
          const int i = group_atoms(g);
          const int n_neighbors = d_numneigh(i);
          for (int jj = 0; jj < n_neighbors; ++jj) {
            const int j = d_neighbors(i, jj) & NEIGHMASK;
            if (j >= nall || !(mask(j) & bit)) continue;
            const double label_i = label(i), label_j = label(j);
            if (label_i == label_j) continue;
            const double dx = x(i, 0) - x(j, 0);
            const double dy = x(i, 1) - x(j, 1);
            const double dz = x(i, 2) - x(j, 2);
            if (dx * dx + dy * dy + dz * dz >= cutoff_sq) continue;
            if (label_i < label_j) {
              if (Kokkos::atomic_fetch_min(&label(j), label_i) > label_i && j < nlocal) ++count;
            } else if (Kokkos::atomic_fetch_min(&label(i), label_j) > label_j) {
              ++count;
            }
          }
        },
        changed);
    if (changed == 0) break;
  }
  k_label_.template modify<DeviceType>();
  k_label_.template sync<LMPHostType>();
}

namespace LAMMPS_NS {
template class FixNanoparticleTrackKokkos<LMPDeviceType>;
#ifdef LMP_KOKKOS_GPU
template class FixNanoparticleTrackKokkos<LMPHostType>;
#endif
}  // namespace LAMMPS_NS
