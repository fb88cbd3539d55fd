#include "meam_screening.h"

#include "meam_access.h"

#include "pair_meam.h"

#include <algorithm>
#include <cmath>

using namespace LAMMPS_NS;

namespace exsolve {

double meam_screening_reach_factor(Pair *meam)
{
  const auto &ebound = meam_ebound(*meam_instance(*static_cast<PairMEAM *>(meam)));
  // Every entry: those of element pairs the model lacks keep the default (Cmax 2.8) or 0, so
  // the largest is at least the model's own.
  double largest = 0.0;
  for (int i = 0; i < MEAM_ELEMENTS; ++i)
    for (int j = 0; j < MEAM_ELEMENTS; ++j) largest = std::max(largest, ebound[i][j]);
  return std::sqrt(std::max(largest, 1.0));
}

}  // namespace exsolve
