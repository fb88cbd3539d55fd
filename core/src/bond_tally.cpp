#include "core/bond_tally.h"

#include <algorithm>

namespace exsolve {
namespace core {

BondTally::BondTally(int histogram_max) : raw_(3 + std::max(histogram_max + 1, 0), 0.0) {}

void BondTally::add_sums(double total_bonds, double interface_atoms, double metal_atoms)
{
  raw_[0] += total_bonds;
  raw_[1] += interface_atoms;
  raw_[2] += metal_atoms;
}

void BondTally::add_to_histogram(int n_bonds, double n_atoms)
{
  const int bins = histogram_bins();
  if (bins > 0) raw_[3 + std::min(n_bonds, bins - 1)] += n_atoms;
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
