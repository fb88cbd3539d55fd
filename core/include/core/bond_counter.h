// Metal–oxygen bond counting on a static configuration (one dump frame), with a cell list:
// the analysis tools' counterpart of compute interface/bonds, with the same bond rule
// (PairCutoffs::bonded). Plain C++14, no I/O.
#pragma once

#include "core/pair_cutoffs.h"
#include "core/periodic_box.h"

#include <vector>

namespace exsolve {
namespace core {

struct BondCountInput {
  const std::vector<Vec3> *positions = nullptr;
  const std::vector<int> *types = nullptr;       // 1-based LAMMPS types
  const std::vector<char> *is_metal = nullptr;   // per atom: counts bonds
  const std::vector<char> *is_oxygen = nullptr;  // per atom: bond partner
};

// Number of oxygen partners of every atom (0 for atoms that are not metal). Each
// metal–oxygen pair within its cutoff counts once per metal atom, across periodic
// boundaries. Periodic axes must be at least twice the largest cutoff long, so that only
// the nearest image can be in range (throws std::invalid_argument otherwise).
std::vector<int> count_metal_oxygen_bonds(const BondCountInput &input, const PeriodicBox &box,
                                          const PairCutoffs &cutoffs);

}  // namespace core
}  // namespace exsolve
