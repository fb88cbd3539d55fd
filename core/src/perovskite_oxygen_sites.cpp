#include "core/perovskite_oxygen_sites.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace exsolve {
namespace core {

PerovskiteOxygenSites::PerovskiteOxygenSites(const std::vector<Vec3> &b_cations, const PeriodicBox &box, double spacing,
                                             double query_radius)
    : box_(box)
{
  if (!(spacing > 0.0)) throw std::invalid_argument("the lattice spacing must be positive");
  if (!(query_radius > 0.0)) throw std::invalid_argument("the query radius must be positive");
  const double near = 0.75 * spacing, far = 1.25 * spacing;
  std::vector<std::size_t> all(b_cations.size());
  std::iota(all.begin(), all.end(), 0);
  if (!b_cations.empty()) {
    const CellList b_cells(b_cations, all, box_, far);
    for (std::size_t i = 0; i < b_cations.size(); ++i) {
      std::vector<std::size_t> partners;
      b_cells.for_each_candidate(b_cations[i], [&](std::size_t j) {
        if (j <= i) return;
        const double d2 = box_.distance_sq(b_cations[i], b_cations[j]);
        if (d2 >= near * near && d2 <= far * far) partners.push_back(j);
      });
      std::sort(partners.begin(), partners.end());
      for (std::size_t j : partners) {
        const Vec3 d = box_.minimum_image(b_cations[i], b_cations[j]);
        sites_.push_back(
            box_.wrapped({{b_cations[i][0] + 0.5 * d[0], b_cations[i][1] + 0.5 * d[1], b_cations[i][2] + 0.5 * d[2]}}));
      }
    }
  }
  if (sites_.empty()) return;
  std::vector<std::size_t> members(sites_.size());
  std::iota(members.begin(), members.end(), 0);
  cells_.emplace_back(sites_, members, box_, query_radius);
}

int PerovskiteOxygenSites::site_at(const Vec3 &x, double radius) const
{
  int found = -1;
  double best = radius * radius;
  if (cells_.empty()) return found;
  cells_.front().for_each_candidate(x, [&](std::size_t s) {
    const double d2 = box_.distance_sq(x, sites_[s]);
    if (d2 <= best) {
      best = d2;
      found = static_cast<int>(s);
    }
  });
  return found;
}

std::vector<int> PerovskiteOxygenSites::neighbours(int s, double distance) const
{
  std::vector<int> found;
  if (cells_.empty()) return found;
  cells_.front().for_each_candidate(sites_[s], [&](std::size_t t) {
    if (static_cast<int>(t) != s && box_.distance_sq(sites_[s], sites_[t]) <= distance * distance)
      found.push_back(static_cast<int>(t));
  });
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace core
}  // namespace exsolve
