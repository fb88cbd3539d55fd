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
  CellList(const std::vector<Vec3> &positions, const std::vector<std::size_t> &members, const PeriodicBox &box,
           double radius);

  // Calls visit(member index) once for every member in the cells around `point` (a
  // superset of those within `radius`; the caller checks the distance).
  template <class Visitor>
  void for_each_candidate(const Vec3 &point, Visitor visit) const
  {
    const std::array<int, 3> home = cell_of(point);
    // The neighbouring cell indices along each axis, wrapped or dropped once here rather
    // than for each of the 27 cells (this runs once per atom and analysis).
    std::array<std::array<int, 3>, 3> index;
    std::array<int, 3> count;
    for (int k = 0; k < 3; ++k) count[k] = neighbour_indices(k, home[k], index[k]);
    for (int a = 0; a < count[0]; ++a)
      for (int b = 0; b < count[1]; ++b) {
        const int row = (index[0][a] * n_cells_[1] + index[1][b]) * n_cells_[2];
        for (int c = 0; c < count[2]; ++c) {
          const int cell = row + index[2][c];
          for (std::size_t m = cell_start_[cell]; m < cell_start_[cell + 1]; ++m) visit(sorted_[m]);
        }
      }
  }

 private:
  std::array<int, 3> cell_of(const Vec3 &point) const;
  // The cells next to `home` along `axis` (itself included), wrapped along a periodic axis,
  // without those beyond a non-periodic one, each once (with fewer than 3 cells along a
  // periodic axis the neighbours wrap onto each other); returns how many.
  int neighbour_indices(int axis, int home, std::array<int, 3> &index) const;

  PeriodicBox box_;
  std::array<int, 3> n_cells_;
  std::array<double, 3> cells_per_length_;  // orthogonal box: cells per Å along each axis
  std::vector<std::size_t> cell_start_;     // n_cells + 1 offsets into sorted_
  std::vector<std::size_t> sorted_;         // members grouped by cell
};

}  // namespace core
}  // namespace exsolve
