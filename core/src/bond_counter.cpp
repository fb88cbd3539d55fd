#include "core/bond_counter.h"

#include "core/cell_list.h"

#include <stdexcept>
#include <string>

namespace exsolve {
namespace core {

std::vector<int> count_metal_oxygen_bonds(const BondCountInput &input, const PeriodicBox &box,
                                          const PairCutoffs &cutoffs)
{
  const std::vector<Vec3> &x = *input.positions;
  const std::vector<int> &type = *input.types;
  const std::size_t n = x.size();
  if (type.size() != n || input.is_metal->size() != n || input.is_oxygen->size() != n)
    throw std::invalid_argument("count_metal_oxygen_bonds: per-atom arrays differ in length");

  const double max_cutoff = cutoffs.max_cutoff();
  box.require_at_least_twice(max_cutoff, "bond");

  std::vector<std::size_t> oxygens;
  for (std::size_t i = 0; i < n; ++i)
    if ((*input.is_oxygen)[i]) oxygens.push_back(i);
  const CellList cells(x, oxygens, box, max_cutoff);

  std::vector<int> bonds(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (!(*input.is_metal)[i]) continue;
    int count = 0;
    cells.for_each_candidate(x[i], [&](std::size_t j) {
      if (j != i && cutoffs.bonded(type[i], type[j], box.distance_sq(x[i], x[j]))) ++count;
    });
    bonds[i] = count;
  }
  return bonds;
}

}  // namespace core
}  // namespace exsolve
