#include "cluster_labeller_kokkos.h"

#include "atom_kokkos.h"
#include "atom_masks.h"
#include "memory_kokkos.h"
#include "neigh_list_kokkos.h"

using namespace LAMMPS_NS;

namespace exsolve {

template <class DeviceType>
ClusterLabellerKokkos<DeviceType>::~ClusterLabellerKokkos()
{
  // label_ is the host side of k_label_: free it through Kokkos, not memory.
  memoryKK->destroy_kokkos(k_label_, label_);
  label_ = nullptr;
}

template <class DeviceType>
void ClusterLabellerKokkos<DeviceType>::grow_label_storage()
{
  if (atom->nmax > nmax_labels_) {
    memoryKK->destroy_kokkos(k_label_, label_);
    nmax_labels_ = atom->nmax;
    memoryKK->create_kokkos(k_label_, label_, nmax_labels_, "nanoparticle/track:label");
  }
}

namespace {

// The device counterpart of core::DisjointSets (the host labeller's forest): the same
// find with path halving and the same caller-chosen link, safe while other threads link
// and find. Every access to a parent that another thread may change is atomic (plain
// loads racing with compare-and-swap are a data race on a GPU). A halving write replaces
// a non-root's parent by one of its ancestors and links only change roots, so every
// thread keeps seeing a forest with the same roots.
template <class DeviceType>
struct DeviceDisjointSets {
  Kokkos::View<int *, DeviceType, Kokkos::MemoryTraits<Kokkos::Atomic>> parent_of;  // -1: outside
  int *parent_data;

  explicit DeviceDisjointSets(const Kokkos::View<int *, DeviceType> &parent)
      : parent_of(parent), parent_data(parent.data())
  {
  }
  KOKKOS_INLINE_FUNCTION int parent(int node) const { return parent_of(node); }
  KOKKOS_INLINE_FUNCTION int find(int node) const
  {
    while (true) {
      const int up = parent_of(node);
      if (up == node) return node;
      const int grandparent = parent_of(up);
      if (grandparent != up) parent_of(node) = grandparent;
      node = grandparent;
    }
  }
  // Hangs `root` under `new_root` if `root` is still a root. Returns the parent `root` had:
  // `root` itself on success, else the node another thread hooked it under meanwhile.
  KOKKOS_INLINE_FUNCTION int try_link(int root, int new_root) const
  {
    return Kokkos::atomic_compare_exchange(parent_data + root, root, new_root);
  }
};

}  // namespace

template <class DeviceType>
void ClusterLabellerKokkos<DeviceType>::propagate_locally(bool first_pass)
{
  // The host side holds the labels: atom IDs at the first pass, later what the last
  // communication brought in.
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
  const int bit = groupbit_;
  const double cutoff_sq = cutoff_sq_;
  const auto all_atoms = Kokkos::RangePolicy<DeviceType>(0, nall);

  if (static_cast<int>(d_parent_.extent(0)) < nall) {
    d_parent_ = Kokkos::View<int *, DeviceType>("nanoparticle/track:parent", nall);
    d_component_min_ = Kokkos::View<double *, DeviceType>("nanoparticle/track:component_min", nall);
    d_ghost_connected_ = Kokkos::View<char *, DeviceType>("nanoparticle/track:ghost_connected", nall);
  }
  auto parent = d_parent_;
  // The forest as the hooking and flattening kernels see it: threads change parents there
  // while others read them.
  const DeviceDisjointSets<DeviceType> sets(d_parent_);

  if (first_pass) {
    // The local group atoms in list order, gathered once per identification.
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

    // Union-find as in the host fix, made lock-free: a root is hooked under another node
    // by compare-and-swap, always under one that precedes it in (label, index) order.
    // Parent chains then strictly descend in that order (no cycles, whatever the thread
    // interleaving), and each root is the member with the smallest label.
    auto connected = d_ghost_connected_;
    Kokkos::parallel_for(
        "nanoparticle/track:forest", all_atoms, KOKKOS_LAMBDA(const int i) {
          parent(i) = (mask(i) & bit) ? i : -1;
          connected(i) = 0;
        });
    Kokkos::parallel_for(
        "nanoparticle/track:hook", Kokkos::RangePolicy<DeviceType>(0, n_group_atoms_), KOKKOS_LAMBDA(const int g) {
          const int i = group_atoms(g);
          const int n_neighbors = d_numneigh(i);
          // An ancestor of i, its root when last looked at (roots change under other threads).
          int root_i = sets.find(i);
          for (int jj = 0; jj < n_neighbors; ++jj) {
            const int j = d_neighbors(i, jj) & NEIGHMASK;
            // Local pairs appear twice in the full list: take each once.
            if ((j < nlocal && j < i) || j >= nall) continue;
            const int parent_j = sets.parent(j);
            if (parent_j < 0) continue;
            // Most neighbors already hang from i's root: then the pair changes nothing, except
            // for ghosts, whose bond to a local atom must be recorded.
            if (parent_j == root_i && j < nlocal) continue;
            const double dx = x(i, 0) - x(j, 0);
            const double dy = x(i, 1) - x(j, 1);
            const double dz = x(i, 2) - x(j, 2);
            if (dx * dx + dy * dy + dz * dz >= cutoff_sq) continue;
            if (j >= nlocal) connected(j) = 1;
            int root_j = j;
            while (true) {
              root_i = sets.find(root_i);
              root_j = sets.find(root_j);
              if (root_i == root_j) break;
              const bool j_first = label(root_j) < label(root_i) || (label(root_j) == label(root_i) && root_j < root_i);
              const int later = j_first ? root_i : root_j, earlier = j_first ? root_j : root_i;
              const int seen = sets.try_link(later, earlier);
              if (seen == later) {
                root_i = earlier;
                break;
              }
              // `later` was hooked meanwhile, under `seen`: its new root lies above that.
              if (later == root_i) root_i = seen;
              else root_j = seen;
            }
          }
        });
    Kokkos::parallel_for(
        "nanoparticle/track:flatten", all_atoms, KOKKOS_LAMBDA(const int i) {
          int root = sets.parent(i);
          if (root < 0 || root == i) return;
          // No halving here: a halving write racing with this kernel's own writes could
          // leave a parent below the root, and later rounds rely on a flat forest. Roots
          // keep their parent and label, so the writes below race with no read of them.
          for (int up = sets.parent(root); up != root; up = sets.parent(root)) root = up;
          sets.parent_of(i) = root;
          label(i) = label(root);
        });
    auto host_connected =
        Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), Kokkos::subview(connected, std::make_pair(0, nall)));
    ghost_connected_.assign(host_connected.data(), host_connected.data() + nall);
  } else {
    // Later rounds: labels that arrived from other ranks spread over each (flat) component.
    auto component_min = d_component_min_;
    Kokkos::parallel_for(
        "nanoparticle/track:component_reset", all_atoms, KOKKOS_LAMBDA(const int i) {
          if (parent(i) >= 0) component_min(parent(i)) = label(parent(i));
        });
    Kokkos::parallel_for(
        "nanoparticle/track:component_min", all_atoms, KOKKOS_LAMBDA(const int i) {
          if (parent(i) >= 0) Kokkos::atomic_fetch_min(&component_min(parent(i)), label(i));
        });
    Kokkos::parallel_for(
        "nanoparticle/track:component_label", all_atoms, KOKKOS_LAMBDA(const int i) {
          if (parent(i) >= 0) label(i) = component_min(parent(i));
        });
  }
  k_label_.template modify<DeviceType>();
  k_label_.template sync<LMPHostType>();
}

template class ClusterLabellerKokkos<LMPDeviceType>;
#ifdef LMP_KOKKOS_GPU
template class ClusterLabellerKokkos<LMPHostType>;
#endif
}  // namespace exsolve
