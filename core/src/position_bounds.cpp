#include "core/position_bounds.h"

#include "core/finite_number.h"

#include <algorithm>
#include <cmath>

namespace exsolve {
namespace core {

std::string position_problem(const Vec3 &p, const Vec3 &lo, const Vec3 &hi, const std::array<std::string, 3> &names)
{
  for (int k = 0; k < 3; ++k) {
    if (!std::isfinite(p[k])) return names[k] + " is " + shortest_form(p[k]) + ": positions must be finite numbers";
    const double length = hi[k] - lo[k];
    const double outside = std::max(lo[k] - p[k], p[k] - hi[k]);
    if (outside > MAX_BOX_LENGTHS_OUTSIDE * length)
      return names[k] + " = " + shortest_form(p[k]) + " lies more than " + shortest_form(MAX_BOX_LENGTHS_OUTSIDE) +
             " box lengths outside the box [" + shortest_form(lo[k]) + ", " + shortest_form(hi[k]) +
             "]: a corrupt position";
  }
  return std::string();
}

}  // namespace core
}  // namespace exsolve
