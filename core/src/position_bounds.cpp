#include "core/position_bounds.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace exsolve {
namespace core {

namespace {

// Shortest form of a number, as the dump reader's other messages write them (1e+300, 0.5).
std::string shortest(double value)
{
  std::ostringstream text;
  text << value;
  return text.str();
}

}  // namespace

std::string position_problem(const Vec3 &p, const Vec3 &lo, const Vec3 &hi, const std::array<std::string, 3> &names)
{
  for (int k = 0; k < 3; ++k) {
    if (!std::isfinite(p[k])) return names[k] + " is " + shortest(p[k]) + ": positions must be finite numbers";
    const double length = hi[k] - lo[k];
    const double outside = std::max(lo[k] - p[k], p[k] - hi[k]);
    if (outside > MAX_BOX_LENGTHS_OUTSIDE * length)
      return names[k] + " = " + shortest(p[k]) + " lies more than " + shortest(MAX_BOX_LENGTHS_OUTSIDE) +
             " box lengths outside the box [" + shortest(lo[k]) + ", " + shortest(hi[k]) + "]: a corrupt position";
  }
  return std::string();
}

}  // namespace core
}  // namespace exsolve
