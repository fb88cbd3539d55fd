#include "core/particle_geometry.h"

#include <algorithm>
#include <cmath>

namespace exsolve {
namespace core {

void FirstMoments::add(long atom_id, const Vec3 &x, double atom_mass)
{
  atoms += 1.0;
  mass += atom_mass;
  if (reference_id < 0 || atom_id < reference_id) {
    reference_id = atom_id;
    reference = x;
  }
}

void FirstMoments::merge(const FirstMoments &other)
{
  atoms += other.atoms;
  mass += other.mass;
  if (other.reference_id >= 0 && (reference_id < 0 || other.reference_id < reference_id)) {
    reference_id = other.reference_id;
    reference = other.reference;
  }
}

void SecondMoments::merge(const SecondMoments &other)
{
  if (other.empty) return;
  mass += other.mass;
  for (int k = 0; k < 3; ++k) offset_sum[k] += other.offset_sum[k];
  offset_sq_sum += other.offset_sq_sum;
  for (int k = 0; k < 3; ++k) {
    offset_low[k] = empty ? other.offset_low[k] : std::min(offset_low[k], other.offset_low[k]);
    offset_high[k] = empty ? other.offset_high[k] : std::max(offset_high[k], other.offset_high[k]);
  }
  empty = false;
}

void SecondMoments::shift(const Vec3 &s)
{
  if (empty) return;
  // sum m |d + s|^2 = sum m |d|^2 + 2 s . sum m d + M |s|^2 (uses the unshifted offset sum).
  offset_sq_sum += 2.0 * (s[0] * offset_sum[0] + s[1] * offset_sum[1] + s[2] * offset_sum[2]) +
                   mass * (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
  for (int k = 0; k < 3; ++k) {
    offset_sum[k] += mass * s[k];
    offset_low[k] += s[k];
    offset_high[k] += s[k];
  }
}

Vec3 SecondMoments::centre_of_mass(const Vec3 &reference, const PeriodicBox &box) const
{
  if (mass <= 0.0) return reference;
  Vec3 com = reference;
  for (int k = 0; k < 3; ++k) com[k] += offset_sum[k] / mass;
  return box.wrapped(com);
}

double SecondMoments::radius_of_gyration() const
{
  if (mass <= 0.0) return 0.0;
  double mean_sq = 0.0;
  for (int k = 0; k < 3; ++k) mean_sq += (offset_sum[k] / mass) * (offset_sum[k] / mass);
  return std::sqrt(std::max(offset_sq_sum / mass - mean_sq, 0.0));
}

}  // namespace core
}  // namespace exsolve
