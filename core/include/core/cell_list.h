// Cell list over a subset of atoms for fixed-radius neighbour searches in a periodic box,
// orthogonal or tilted. Cells divide the fractional coordinates evenly and are at least
// `radius` wide (between their faces), so every atom within `radius` of a point lies in the
// 27 cells around the point's cell. Plain C++14, no I/O.
#pragma once

#include "core/periodic_box.h"

#include <array>
#include <cstddef>
#include <vector>

namespace exsolve {
namespace core {

class CellList {
 public:
  CellList(const std::vector<Vec3> &positions, const std::vector<std::size_t> &members,
           const PeriodicBox &box, double radius);

  // Calls visit(member index) once for every member in the cells around `point` (a
  // superset of those within `radius`; the caller checks the distance).
  template <class Visitor>
  void for_each_candidate(const Vec3 &point, Visitor visit) const
  {
    const std::array<int, 3> home = cell_of(point);
    std::array<int, 3> lo, hi;
    for (int k = 0; k < 3; ++k) {
      // With fewer than 3 cells along a periodic axis the neighbours wrap onto each other:
      // scan that axis once instead of visiting a cell twice.
      if (box_.periodic[k] && n_cells_[k] < 3) {
        lo[k] = 0;
        hi[k] = n_cells_[k] - 1;
      } else {
        lo[k] = home[k] - 1;
        hi[k] = home[k] + 1;
      }
    }
    for (int a = lo[0]; a <= hi[0]; ++a)
      for (int b = lo[1]; b <= hi[1]; ++b)
        for (int c = lo[2]; c <= hi[2]; ++c) {
          int cell = flat_index(a, b, c);
          if (cell < 0) continue;
          for (std::size_t m = cell_start_[cell]; m < cell_start_[cell + 1]; ++m) visit(sorted_[m]);
        }
  }

 private:
  std::array<int, 3> cell_of(const Vec3 &point) const;
  // -1 for a cell outside a non-periodic box.
  int flat_index(int a, int b, int c) const;

  PeriodicBox box_;
  std::array<int, 3> n_cells_;
  std::vector<std::size_t> cell_start_;  // n_cells + 1 offsets into sorted_
  std::vector<std::size_t> sorted_;      // members grouped by cell
};

}  // namespace core
}  // namespace exsolve
