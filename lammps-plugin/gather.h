// The plugin's styles share their per-rank findings (cluster parts, bond rows, candidate
// oxygens and cations) by concatenating every rank's values on every rank.
#pragma once

#include <mpi.h>

#include <cstddef>
#include <vector>

namespace exsolve {

// Concatenation of every rank's `local` values, on every rank, in rank order.
inline std::vector<double> gather_on_all_ranks(const std::vector<double> &local, MPI_Comm world, int nprocs)
{
  // One rank: no collective (Monte Carlo trials gather several times each).
  if (nprocs == 1) return local;
  int local_size = static_cast<int>(local.size());
  std::vector<int> sizes(nprocs), offsets(nprocs, 0);
  MPI_Allgather(&local_size, 1, MPI_INT, sizes.data(), 1, MPI_INT, world);
  for (int p = 1; p < nprocs; ++p) offsets[p] = offsets[p - 1] + sizes[p - 1];
  std::vector<double> all(static_cast<std::size_t>(offsets.back()) + sizes.back());
  // const_cast: LAMMPS's serial MPI stubs declare the send buffer non-const.
  MPI_Allgatherv(const_cast<double *>(local.data()), local_size, MPI_DOUBLE, all.data(), sizes.data(), offsets.data(),
                 MPI_DOUBLE, world);
  return all;
}

}  // namespace exsolve
