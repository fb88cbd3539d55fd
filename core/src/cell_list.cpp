#include "core/cell_list.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace exsolve {
namespace core {

CellList::CellList(const std::vector<Vec3> &positions, const std::vector<std::size_t> &members, const PeriodicBox &box,
                   double radius)
    : box_(box)
{
  if (!(radius > 0.0)) throw std::invalid_argument("CellList: radius must be > 0");
  for (int k = 0; k < 3; ++k) {
    const double width = box.width(k);
    if (!(width > 0.0)) throw std::invalid_argument("CellList: box has zero or negative length");
    // Bound the cell count so a tiny radius in a huge box cannot exhaust memory.
    n_cells_[k] = std::max(1, std::min(static_cast<int>(width / radius), 1024));
    cells_per_length_[k] = n_cells_[k] / box.length(k);
  }
  const std::size_t n_total = static_cast<std::size_t>(n_cells_[0]) * n_cells_[1] * n_cells_[2];
  std::vector<int> cell_of_member(members.size());
  cell_start_.assign(n_total + 1, 0);
  for (std::size_t m = 0; m < members.size(); ++m) {
    const std::array<int, 3> c = cell_of(positions[members[m]]);
    cell_of_member[m] = (c[0] * n_cells_[1] + c[1]) * n_cells_[2] + c[2];
    ++cell_start_[cell_of_member[m] + 1];
  }
  for (std::size_t c = 0; c < n_total; ++c) cell_start_[c + 1] += cell_start_[c];
  std::vector<std::size_t> fill(cell_start_.begin(), cell_start_.end() - 1);
  sorted_.resize(members.size());
  for (std::size_t m = 0; m < members.size(); ++m) sorted_[fill[cell_of_member[m]]++] = members[m];
}

std::array<int, 3> CellList::cell_of(const Vec3 &point) const
{
  // Once per atom and query: multiplications where the box is orthogonal, the fractional
  // coordinates where it is tilted; the modulo only for positions outside the box.
  Vec3 scaled;
  if (box_.triclinic()) {
    scaled = box_.fractional(point);
    for (int k = 0; k < 3; ++k) scaled[k] *= n_cells_[k];
  } else {
    for (int k = 0; k < 3; ++k) scaled[k] = (point[k] - box_.lo[k]) * cells_per_length_[k];
  }
  std::array<int, 3> c;
  for (int k = 0; k < 3; ++k) {
    const int n = n_cells_[k];
    int index = static_cast<int>(std::floor(scaled[k]));
    if (index >= 0 && index < n) {
      c[k] = index;
    } else if (box_.periodic[k]) {
      index %= n;
      c[k] = index < 0 ? index + n : index;
    } else {
      // Atoms slightly outside a fixed boundary belong to the edge cell.
      c[k] = std::min(std::max(index, 0), n - 1);
    }
  }
  return c;
}

int CellList::neighbour_indices(int axis, int home, std::array<int, 3> &index) const
{
  const int n = n_cells_[axis];
  if (box_.periodic[axis] && n < 3) {
    for (int k = 0; k < n; ++k) index[k] = k;
    return n;
  }
  int count = 0;
  for (int k = home - 1; k <= home + 1; ++k) {
    if (box_.periodic[axis]) index[count++] = (k + n) % n;
    else if (k >= 0 && k < n) index[count++] = k;
  }
  return count;
}

}  // namespace core
}  // namespace exsolve
