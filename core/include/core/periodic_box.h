// An orthogonal simulation box with per-axis periodicity and the minimum-image rule.
// Plain C++14, no I/O.
#pragma once

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace core {

using Vec3 = std::array<double, 3>;

struct OrthogonalBox {
  Vec3 lo{{0.0, 0.0, 0.0}};
  Vec3 hi{{0.0, 0.0, 0.0}};
  std::array<bool, 3> periodic{{true, true, true}};

  double length(int axis) const { return hi[axis] - lo[axis]; }

  // Separation vector b - a, folded to the nearest periodic image: each periodic component
  // ends in [-l/2, l/2] in constant time, however far apart a and b are (a subtraction
  // loop spins for ages on a corrupt coordinate such as 1e300, and forever on inf).
  // std::remainder is exact (IEEE 754), so a separation within 1.5 box lengths gets the
  // same d -/+ l as one subtraction would; the exact tie d = +-1.5 l goes to the even
  // multiple, -+l/2. Non-finite separations come back as NaN.
  Vec3 minimum_image(const Vec3 &a, const Vec3 &b) const
  {
    Vec3 d{{b[0] - a[0], b[1] - a[1], b[2] - a[2]}};
    for (int k = 0; k < 3; ++k) {
      if (!periodic[k]) continue;
      const double l = length(k);
      // Most pairs are already nearest images: skip the division for them.
      if (d[k] > 0.5 * l || d[k] < -0.5 * l) d[k] = std::remainder(d[k], l);
    }
    return d;
  }

  double distance_sq(const Vec3 &a, const Vec3 &b) const
  {
    const Vec3 d = minimum_image(a, b);
    return d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  }

  // The first periodic axis shorter than twice `cutoff` (-1: none). In such a box a pair
  // within the cutoff can have two nearest images and minimum-image offsets are ambiguous:
  // the analyses and the plugin styles refuse it alike.
  int axis_shorter_than_twice(double cutoff) const
  {
    for (int k = 0; k < 3; ++k)
      if (periodic[k] && length(k) < 2.0 * cutoff) return k;
    return -1;
  }

  // Throws std::invalid_argument naming the axis when axis_shorter_than_twice(cutoff):
  // `what` names the cutoff ("bond", "cluster").
  void require_at_least_twice(double cutoff, const char *what) const
  {
    const int k = axis_shorter_than_twice(cutoff);
    if (k >= 0)
      throw std::invalid_argument("periodic box length " + std::to_string(length(k)) + " along axis " +
                                  std::to_string(k) + " is less than twice the " + what + " cutoff " +
                                  std::to_string(cutoff));
  }
};

}  // namespace core
}  // namespace exsolve
