// A periodic simulation cell, orthogonal or triclinic (LAMMPS's restricted form: cell vectors
// a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz)), with per-axis periodicity and the
// minimum-image rule. Plain C++14, no I/O.
#pragma once

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace core {

using Vec3 = std::array<double, 3>;

struct PeriodicBox {
  Vec3 lo{{0.0, 0.0, 0.0}};             // the cell's origin (LAMMPS boxlo)
  Vec3 hi{{0.0, 0.0, 0.0}};             // lo + (lx, ly, lz) (LAMMPS boxhi; for a tilted cell not a corner of it)
  double xy = 0.0, xz = 0.0, yz = 0.0;  // tilt factors
  std::array<bool, 3> periodic{{true, true, true}};

  double length(int axis) const { return hi[axis] - lo[axis]; }
  bool triclinic() const { return xy != 0.0 || xz != 0.0 || yz != 0.0; }

  // Cell vector 0 (a), 1 (b) or 2 (c).
  Vec3 cell_vector(int axis) const
  {
    if (axis == 0) return {{length(0), 0.0, 0.0}};
    if (axis == 1) return {{xy, length(1), 0.0}};
    return {{xz, yz, length(2)}};
  }

  // Distance between the two cell faces that cell vector `axis` crosses: the cell's
  // thickness along that direction (its length in an orthogonal box). Two images of one
  // atom are at least the smallest width apart.
  double width(int axis) const
  {
    if (!triclinic()) return length(axis);
    const double lx = length(0), ly = length(1), lz = length(2);
    if (axis == 2) return lz;
    if (axis == 1) return ly * lz / std::hypot(lz, yz);
    // |b x c| = |(ly lz, -xy lz, xy yz - xz ly)|
    return lx * ly * lz / std::hypot(ly * lz, std::hypot(xy * lz, xy * yz - xz * ly));
  }

  // Fractional coordinates s of x: x = lo + s0 a + s1 b + s2 c (each in [0, 1) inside the cell).
  Vec3 fractional(const Vec3 &x) const
  {
    const double dx = x[0] - lo[0], dy = x[1] - lo[1], dz = x[2] - lo[2];
    if (!triclinic()) return {{dx / length(0), dy / length(1), dz / length(2)}};
    const double s2 = dz / length(2);
    const double s1 = (dy - yz * s2) / length(1);
    return {{(dx - xy * s1 - xz * s2) / length(0), s1, s2}};
  }

  Vec3 cartesian(const Vec3 &s) const
  {
    return {{lo[0] + s[0] * length(0) + s[1] * xy + s[2] * xz, lo[1] + s[1] * length(1) + s[2] * yz,
             lo[2] + s[2] * length(2)}};
  }

  // x moved by whole cell vectors into the cell along the periodic axes.
  Vec3 wrapped(const Vec3 &x) const
  {
    if (!triclinic()) {
      Vec3 w = x;
      for (int k = 0; k < 3; ++k)
        if (periodic[k]) w[k] -= length(k) * std::floor((w[k] - lo[k]) / length(k));
      return w;
    }
    Vec3 s = fractional(x);
    for (int k = 0; k < 3; ++k)
      if (periodic[k]) s[k] -= std::floor(s[k]);
    return cartesian(s);
  }

  // Separation vector b - a, folded to the nearest periodic image: each periodic component
  // ends in [-l/2, l/2] in constant time, however far apart a and b are (a subtraction
  // loop spins for ages on a corrupt coordinate such as 1e300, and forever on inf).
  // Within 1.5 box lengths one subtraction does it, exactly (Sterbenz); beyond,
  // std::remainder, also exact (IEEE 754) and the same d -/+ l there; the exact tie
  // d = +-1.5 l goes to the even multiple, -+l/2. Non-finite separations come back as NaN.
  //
  // In a tilted cell the folds go z, y, x as in LAMMPS's Domain::minimum_image: a fold by c
  // also shifts y and x, a fold by b also x. The result is the one image in the orthogonal
  // block [-lx/2, lx/2] x [-ly/2, ly/2] x [-lz/2, lz/2] (a fundamental domain of any such
  // lattice), which is the nearest image whenever that is closer than half the smallest
  // width(): the only case the analyses rely on (require_at_least_twice).
  Vec3 minimum_image(const Vec3 &a, const Vec3 &b) const
  {
    Vec3 d{{b[0] - a[0], b[1] - a[1], b[2] - a[2]}};
    if (!triclinic()) {
      for (int k = 0; k < 3; ++k)
        if (periodic[k]) fold(d[k], length(k));
      return d;
    }
    for (int k = 2; k >= 0; --k) {
      if (!periodic[k]) continue;
      const double images = fold(d[k], length(k));
      if (images == 0.0) continue;
      if (k == 2) {
        d[1] -= images * yz;
        d[0] -= images * xz;
      } else if (k == 1) {
        d[0] -= images * xy;
      }
    }
    return d;
  }

  // Folds d into [-l/2, l/2] (see minimum_image) and returns how many lengths l it took
  // away. Most pairs are already nearest images and most of the rest one length away: the
  // division of std::remainder only for the few beyond.
  static double fold(double &d, double l)
  {
    const double half = 0.5 * l;
    if (d <= half && d >= -half) return 0.0;
    if (d > half && d - l < half) {
      d -= l;
      return 1.0;
    }
    if (d < -half && d + l > -half) {
      d += l;
      return -1.0;
    }
    const double folded = std::remainder(d, l);
    const double images = std::nearbyint((d - folded) / l);
    d = folded;
    return images;
  }

  double distance_sq(const Vec3 &a, const Vec3 &b) const
  {
    const Vec3 d = minimum_image(a, b);
    return d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  }

  // Whether the cell faces normal to `axis` are spanned by the other two cell vectors (always
  // for z; for y when yz = 0; for x when xy = xz = 0): what a surface normal to `axis`
  // needs to be a plane of the cell.
  bool face_normal_to(int axis) const
  {
    for (int k = 0; k < 3; ++k)
      if (k != axis && cell_vector(k)[axis] != 0.0) return false;
    return true;
  }

  // The first periodic axis whose cell width is less than twice `cutoff` (-1: none). In
  // such a cell a pair within the cutoff can have two nearest images and minimum-image
  // offsets are ambiguous: the analyses and the plugin styles refuse it alike.
  int axis_shorter_than_twice(double cutoff) const
  {
    for (int k = 0; k < 3; ++k)
      if (periodic[k] && width(k) < 2.0 * cutoff) return k;
    return -1;
  }

  // What is too thin along `axis`, for the errors: "periodic box length 12.000000 along
  // axis 0" or, in a tilted cell, "periodic cell width 11.3 across the faces crossed by cell
  // vector b".
  std::string describe_extent(int axis) const
  {
    if (!triclinic())
      return "periodic box length " + std::to_string(length(axis)) + " along axis " + std::to_string(axis);
    return "periodic cell width " + std::to_string(width(axis)) + " across the faces crossed by cell vector " +
           "abc"[axis];
  }

  // Throws std::invalid_argument naming the axis when axis_shorter_than_twice(cutoff):
  // `what` names the cutoff ("bond", "cluster").
  void require_at_least_twice(double cutoff, const char *what) const
  {
    const int k = axis_shorter_than_twice(cutoff);
    if (k >= 0)
      throw std::invalid_argument(describe_extent(k) + " is less than twice the " + what + " cutoff " +
                                  std::to_string(cutoff));
  }
};

}  // namespace core
}  // namespace exsolve
