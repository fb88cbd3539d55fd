// Centre of mass, radius of gyration and extent of particles in a periodic box, from sums
// that can be accumulated atom by atom, on several MPI ranks, and merged.
//
// Particles may straddle a periodic boundary, so positions cannot simply be averaged
// (freud and MDAnalysis got this wrong). Pass 1 picks a reference atom of each particle,
// the one with the smallest atom ID (the same whatever the domain decomposition); pass 2
// sums minimum-image offsets from it. This is exact for any particle whose atoms all lie
// within half a box length of that atom; ambiguous_axis() tells when that is not proven,
// and the callers then sum again about the approximate centre. Plain C++14, no I/O.
#pragma once

#include <algorithm>

#include "core/periodic_box.h"

namespace exsolve {
namespace core {

struct FirstMoments {
  double atoms = 0.0;
  double mass = 0.0;
  long reference_id = -1;  // smallest atom ID seen so far (-1: none)
  Vec3 reference{{0.0, 0.0, 0.0}};

  void add(long atom_id, const Vec3 &x, double atom_mass);
  void merge(const FirstMoments &other);
};

struct SecondMoments {
  double mass = 0.0;
  double offset_sum[3] = {0.0, 0.0, 0.0};  // sum of m d, d = minimum image of x - reference
  double offset_sq_sum = 0.0;              // sum of m |d|^2
  Vec3 offset_low{{0.0, 0.0, 0.0}};        // extremes of d along each axis
  Vec3 offset_high{{0.0, 0.0, 0.0}};
  bool empty = true;

  // Inline: called once per particle atom on every identification of fix nanoparticle/track.
  void add(const Vec3 &x, double atom_mass, const Vec3 &reference, const PeriodicBox &box)
  {
    const Vec3 d = box.minimum_image(reference, x);
    mass += atom_mass;
    for (int k = 0; k < 3; ++k) offset_sum[k] += atom_mass * d[k];
    offset_sq_sum += atom_mass * (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    if (empty) {
      offset_low = offset_high = d;
      empty = false;
      return;
    }
    for (int k = 0; k < 3; ++k) {
      offset_low[k] = std::min(offset_low[k], d[k]);
      offset_high[k] = std::max(offset_high[k], d[k]);
    }
  }
  void merge(const SecondMoments &other);
  // Re-expresses the sums as offsets from another reference: every d becomes d + s, where
  // s = minimum image of (this reference - the new one). Lets each rank sum from a
  // reference of its own and the parts be merged about a common one.
  void shift(const Vec3 &s);
  // Centre of mass, wrapped back into the box along periodic axes.
  Vec3 centre_of_mass(const Vec3 &reference, const PeriodicBox &box) const;
  double radius_of_gyration() const;
  // Extent of the atoms along an axis (the height of a supported particle along the normal).
  double extent(int axis) const { return empty ? 0.0 : offset_high[axis] - offset_low[axis]; }
  // A periodic axis along which the offsets may have been folded wrongly, or -1. The atoms
  // of a cluster are linked by steps shorter than `cutoff`: if an atom's true offset from
  // the reference were beyond half the box, some atom on the path to it would have an
  // offset within `cutoff` of half the box. So offsets all below half the box minus the
  // cutoff prove the folding right (in a tilted cell too: minimum_image folds into the
  // block of half lengths, a fundamental domain of the lattice). Otherwise measure again
  // about the approximate centre (a particle larger than half the box, summed from an atom
  // at its edge); if that does not help either, the particle wraps around the box (a film)
  // and has no centre.
  int ambiguous_axis(const PeriodicBox &box, double cutoff) const
  {
    if (empty) return -1;
    for (int k = 0; k < 3; ++k)
      if (box.periodic[k] && std::max(-offset_low[k], offset_high[k]) >= 0.5 * box.length(k) - cutoff) return k;
    return -1;
  }
};

}  // namespace core
}  // namespace exsolve
