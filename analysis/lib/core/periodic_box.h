// An orthogonal simulation box with per-axis periodicity and the minimum-image rule.
// Plain C++14, no I/O.
#pragma once

#include <array>

namespace exsolve {
namespace core {

using Vec3 = std::array<double, 3>;

struct OrthogonalBox {
  Vec3 lo{{0.0, 0.0, 0.0}};
  Vec3 hi{{0.0, 0.0, 0.0}};
  std::array<bool, 3> periodic{{true, true, true}};

  double length(int axis) const { return hi[axis] - lo[axis]; }

  // Separation vector b - a, folded to the nearest periodic image.
  Vec3 minimum_image(const Vec3 &a, const Vec3 &b) const
  {
    Vec3 d{{b[0] - a[0], b[1] - a[1], b[2] - a[2]}};
    for (int k = 0; k < 3; ++k) {
      if (!periodic[k]) continue;
      const double l = length(k);
      while (d[k] > 0.5 * l) d[k] -= l;
      while (d[k] < -0.5 * l) d[k] += l;
    }
    return d;
  }

  double distance_sq(const Vec3 &a, const Vec3 &b) const
  {
    const Vec3 d = minimum_image(a, b);
    return d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  }
};

}  // namespace core
}  // namespace exsolve
