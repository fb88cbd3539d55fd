#include "core/bond_tally.h"

#include <algorithm>

namespace exsolve {
namespace core {

BondTally::BondTally(int histogram_max) : raw_(3 + std::max(histogram_max + 1, 0), 0.0) {}

void BondTally::add_metal_atom(int n_bonds)
{
  raw_[0] += n_bonds;
  if (n_bonds > 0) raw_[1] += 1.0;
  raw_[2] += 1.0;
  const int bins = histogram_bins();
  if (bins > 0) raw_[3 + std::min(n_bonds, bins - 1)] += 1.0;
}

double BondTally::bonds_per_interface_atom() const
{
  return interface_atoms() > 0.0 ? total_bonds() / interface_atoms() : 0.0;
}

double BondTally::bonds_per_metal_atom() const
{
  return metal_atoms() > 0.0 ? total_bonds() / metal_atoms() : 0.0;
}

}  // namespace core
}  // namespace exsolve
