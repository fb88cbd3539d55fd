#include "core/pair_cutoffs.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace core {

PairCutoffs::PairCutoffs(int n_types)
    : n_types_(n_types), cutoff_((n_types + 1) * (n_types + 1), 0.0), cutoff_sq_((n_types + 1) * (n_types + 1), 0.0)
{
  if (n_types < 1) throw std::invalid_argument("PairCutoffs: need at least one atom type");
}

void PairCutoffs::check_type(int type) const
{
  if (type < 1 || type > n_types_)
    throw std::out_of_range("atom type " + std::to_string(type) + " is outside 1.." + std::to_string(n_types_));
}

void PairCutoffs::set_all(double cutoff_angstrom)
{
  for (int i = 1; i <= n_types_; ++i)
    for (int j = 1; j <= n_types_; ++j) set(i, j, cutoff_angstrom);
}

void PairCutoffs::set(int type_i, int type_j, double cutoff_angstrom)
{
  check_type(type_i);
  check_type(type_j);
  if (!(cutoff_angstrom >= 0.0)) throw std::invalid_argument("cutoff must be >= 0");
  for (int k : {index(type_i, type_j), index(type_j, type_i)}) {
    cutoff_[k] = cutoff_angstrom;
    cutoff_sq_[k] = cutoff_angstrom * cutoff_angstrom;
  }
}

double PairCutoffs::max_cutoff() const
{
  return *std::max_element(cutoff_.begin(), cutoff_.end());
}

}  // namespace core
}  // namespace exsolve
