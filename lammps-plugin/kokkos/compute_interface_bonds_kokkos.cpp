#include "compute_interface_bonds_kokkos.h"

#include "compat.h"

#include "atom_kokkos.h"
#include "atom_masks.h"
#include "memory_kokkos.h"
#include "neigh_list_kokkos.h"
#include "neighbor.h"
#include "update.h"

using namespace LAMMPS_NS;

template <class DeviceType>
ComputeInterfaceBondsKokkos<DeviceType>::ComputeInterfaceBondsKokkos(LAMMPS *lmp, int narg, char **arg)
    : ComputeInterfaceBonds(lmp, narg, arg)
{
  kokkosable = 1;
  atomKK = (AtomKokkos *)atom;
  execution_space = ExecutionSpaceFromDevice<DeviceType>::space;
  datamask_read = X_MASK | TYPE_MASK | MASK_MASK;
  datamask_modify = EMPTY_MASK;
}

template <class DeviceType>
ComputeInterfaceBondsKokkos<DeviceType>::~ComputeInterfaceBondsKokkos()
{
  if (copymode) return;
  // The per-atom vector is the host side of k_bonds_: free it through Kokkos, not memory.
  memoryKK->destroy_kokkos(k_bonds_, bonds_per_atom_);
  bonds_per_atom_ = nullptr;
}

template <class DeviceType>
void ComputeInterfaceBondsKokkos<DeviceType>::init()
{
  ComputeInterfaceBonds::init();
  exsolve::compat::mark_last_request_kokkos<DeviceType, LMPHostType, LMPDeviceType>(neighbor, this);

  const int stride = options_.cutoffs.table_stride();
  const std::vector<double> &table = options_.cutoffs.cutoff_sq_table();
  d_cutoff_sq_ = Kokkos::View<double **, DeviceType>("interface/bonds:cutoff_sq", stride, stride);
  auto h_cutoff_sq = Kokkos::create_mirror_view(d_cutoff_sq_);
  for (int i = 0; i < stride; ++i)
    for (int j = 0; j < stride; ++j) h_cutoff_sq(i, j) = table[i * stride + j];
  Kokkos::deep_copy(d_cutoff_sq_, h_cutoff_sq);
}

template <class DeviceType>
void ComputeInterfaceBondsKokkos<DeviceType>::count_bonds()
{
  if (atom->nmax > nmax_) {
    memoryKK->destroy_kokkos(k_bonds_, bonds_per_atom_);
    nmax_ = atom->nmax;
    memoryKK->create_kokkos(k_bonds_, bonds_per_atom_, nmax_, "interface/bonds:bonds_per_atom");
    vector_atom = bonds_per_atom_;
  }
  list_builds_.build(neighbor, list_, update->ntimestep);

  auto *k_list = static_cast<NeighListKokkos<DeviceType> *>(list_);
  auto d_ilist = k_list->d_ilist;
  auto d_numneigh = k_list->d_numneigh;
  auto d_neighbors = k_list->d_neighbors;
  const int inum = list_->inum;

  atomKK->sync(execution_space, X_MASK | TYPE_MASK | MASK_MASK);
  auto x = atomKK->k_x.template view<DeviceType>();
  auto type = atomKK->k_type.template view<DeviceType>();
  auto mask = atomKK->k_mask.template view<DeviceType>();
  auto bonds = k_bonds_.template view<DeviceType>();
  auto cutoff_sq = d_cutoff_sq_;
  const int metal_bit = groupbit;
  const int oxygen_bit = options_.oxygen_group_bit;
  const int nlocal = atom->nlocal;
  const int nall = atom->nlocal + atom->nghost;

  // With a histogram: how many metal atoms have exactly n bonds, n up to the list's longest
  // row; BondTally bins them (add_to_histogram). Without one the kernel needs no atomics.
  const bool histogram = local_tally_.histogram_bins() > 0;
  const int max_bonds = static_cast<int>(d_neighbors.extent(1));
  if (histogram && static_cast<int>(d_atoms_with_bonds_.extent(0)) < max_bonds + 1)
    d_atoms_with_bonds_ = Kokkos::View<double *, DeviceType>("interface/bonds:atoms_with_bonds", max_bonds + 1);
  if (histogram) Kokkos::deep_copy(d_atoms_with_bonds_, 0.0);
  auto atoms_with_bonds = d_atoms_with_bonds_;

  if (inum != nlocal)
    Kokkos::parallel_for(
        "interface/bonds:zero", Kokkos::RangePolicy<DeviceType>(0, nlocal),
        KOKKOS_LAMBDA(const int i) { bonds(i) = 0.0; });
  // Counting and the sums BondTally::add_sums takes, in one pass.
  double total = 0.0, interface = 0.0, metal = 0.0;
  Kokkos::parallel_reduce(
      "interface/bonds:count", Kokkos::RangePolicy<DeviceType>(0, inum),
      KOKKOS_LAMBDA(const int ii, double &total_sum, double &interface_sum, double &metal_sum) {
        const int i = d_ilist(ii);
        if (i >= nlocal) return;
        if (!(mask(i) & metal_bit)) {
          bonds(i) = 0.0;
          return;
        }
        const int itype = type(i);
        const int n_neighbors = d_numneigh(i);
        int count = 0;
        for (int jj = 0; jj < n_neighbors; ++jj) {
          const int j = d_neighbors(i, jj) & NEIGHMASK;
          if (j >= nall || !(mask(j) & oxygen_bit)) continue;
          const double dx = x(i, 0) - x(j, 0);
          const double dy = x(i, 1) - x(j, 1);
          const double dz = x(i, 2) - x(j, 2);
          if (dx * dx + dy * dy + dz * dz < cutoff_sq(itype, type(j))) ++count;
        }
        bonds(i) = count;
        total_sum += count;
        interface_sum += count > 0 ? 1.0 : 0.0;
        metal_sum += 1.0;
        if (histogram) Kokkos::atomic_add(&atoms_with_bonds(count), 1.0);
      },
      total, interface, metal);
  k_bonds_.template modify<DeviceType>();
  k_bonds_.template sync<LMPHostType>();

  local_tally_ = exsolve::core::BondTally(options_.histogram_max);
  local_tally_.add_sums(total, interface, metal);
  if (histogram) {
    const auto h_atoms_with_bonds = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), d_atoms_with_bonds_);
    for (int n = 0; n <= max_bonds; ++n)
      if (h_atoms_with_bonds(n) > 0.0) local_tally_.add_to_histogram(n, h_atoms_with_bonds(n));
  }
  // The per-particle rows are summed on the host and read the group mask.
  atomKK->sync(Host, MASK_MASK);
}

namespace LAMMPS_NS {
template class ComputeInterfaceBondsKokkos<LMPDeviceType>;
#ifdef LMP_KOKKOS_GPU
template class ComputeInterfaceBondsKokkos<LMPHostType>;
#endif
}  // namespace LAMMPS_NS
