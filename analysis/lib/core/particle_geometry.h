// Centre of mass, radius of gyration and extent of particles in a periodic box, from sums
// that can be accumulated atom by atom, on several MPI ranks, and merged.
//
// Particles may straddle a periodic boundary, so positions cannot simply be averaged. Pass
// 1 finds a reference point inside the particle from the mass-weighted circular mean along
// each periodic axis (Bai & Breen, J. Graphics Tools 13, 53 (2008)); pass 2 sums
// minimum-image offsets from that reference, which gives the exact centre of mass of any
// particle smaller than half the box. Plain C++14, no I/O.
#pragma once

#include "periodic_box.h"

namespace exsolve {
namespace core {

struct FirstMoments {
  double atoms = 0.0;
  double mass = 0.0;
  double cos_sum[3] = {0.0, 0.0, 0.0};    // periodic axes: sum of m cos(2 pi s)
  double sin_sum[3] = {0.0, 0.0, 0.0};    // periodic axes: sum of m sin(2 pi s)
  double linear_sum[3] = {0.0, 0.0, 0.0}; // fixed axes: sum of m x

  void add(const Vec3 &x, double atom_mass, const OrthogonalBox &box);
  void merge(const FirstMoments &other);
  // A point inside the particle (in the box), from which offsets are taken in pass 2.
  Vec3 reference_point(const OrthogonalBox &box) const;
};

struct SecondMoments {
  double mass = 0.0;
  double offset_sum[3] = {0.0, 0.0, 0.0};  // sum of m d, d = minimum image of x - reference
  double offset_sq_sum = 0.0;              // sum of m |d|^2
  double axis_min = 0.0;                   // extremes of d along the height axis
  double axis_max = 0.0;
  bool empty = true;

  void add(const Vec3 &x, double atom_mass, const Vec3 &reference, const OrthogonalBox &box, int height_axis);
  void merge(const SecondMoments &other);
  // Centre of mass, wrapped back into the box along periodic axes.
  Vec3 centre_of_mass(const Vec3 &reference, const OrthogonalBox &box) const;
  double radius_of_gyration() const;
  double extent() const { return empty ? 0.0 : axis_max - axis_min; }
};

}  // namespace core
}  // namespace exsolve
