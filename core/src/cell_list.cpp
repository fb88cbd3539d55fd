#include "core/cell_list.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace exsolve {
namespace core {

CellList::CellList(const std::vector<Vec3> &positions, const std::vector<std::size_t> &members,
                   const PeriodicBox &box, double radius)
    : box_(box)
{
  if (!(radius > 0.0)) throw std::invalid_argument("CellList: radius must be > 0");
  for (int k = 0; k < 3; ++k) {
    const double width = box.width(k);
    if (!(width > 0.0)) throw std::invalid_argument("CellList: box has zero or negative length");
    // Bound the cell count so a tiny radius in a huge box cannot exhaust memory.
    n_cells_[k] = std::max(1, std::min(static_cast<int>(width / radius), 1024));
  }
  const std::size_t n_total = static_cast<std::size_t>(n_cells_[0]) * n_cells_[1] * n_cells_[2];
  std::vector<int> cell_of_member(members.size());
  cell_start_.assign(n_total + 1, 0);
  for (std::size_t m = 0; m < members.size(); ++m) {
    const std::array<int, 3> c = cell_of(positions[members[m]]);
    cell_of_member[m] = flat_index(c[0], c[1], c[2]);
    ++cell_start_[cell_of_member[m] + 1];
  }
  for (std::size_t c = 0; c < n_total; ++c) cell_start_[c + 1] += cell_start_[c];
  std::vector<std::size_t> fill(cell_start_.begin(), cell_start_.end() - 1);
  sorted_.resize(members.size());
  for (std::size_t m = 0; m < members.size(); ++m) sorted_[fill[cell_of_member[m]]++] = members[m];
}

std::array<int, 3> CellList::cell_of(const Vec3 &point) const
{
  const Vec3 s = box_.fractional(point);
  std::array<int, 3> c;
  for (int k = 0; k < 3; ++k) {
    int index = static_cast<int>(std::floor(s[k] * n_cells_[k]));
    if (box_.periodic[k]) {
      index %= n_cells_[k];
      if (index < 0) index += n_cells_[k];
    } else {
      // Atoms slightly outside a fixed boundary belong to the edge cell.
      index = std::min(std::max(index, 0), n_cells_[k] - 1);
    }
    c[k] = index;
  }
  return c;
}

int CellList::flat_index(int a, int b, int c) const
{
  std::array<int, 3> idx{{a, b, c}};
  for (int k = 0; k < 3; ++k) {
    if (box_.periodic[k]) {
      idx[k] %= n_cells_[k];
      if (idx[k] < 0) idx[k] += n_cells_[k];
    } else if (idx[k] < 0 || idx[k] >= n_cells_[k]) {
      return -1;
    }
  }
  return (idx[0] * n_cells_[1] + idx[1]) * n_cells_[2] + idx[2];
}

}  // namespace core
}  // namespace exsolve
