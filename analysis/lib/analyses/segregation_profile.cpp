#include "analyses/segregation_profile.h"

#include "core/perovskite_oxygen_sites.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace exsolve {
namespace analyses {

SegregationProfile segregation_profile(const SegregationInput &in, const core::PeriodicBox &box, int axis,
                                       double spacing)
{
  if (!(spacing > 0.0)) throw std::invalid_argument("the lattice spacing must be > 0 Å");
  const std::vector<std::array<double, 3>> &x = *in.position;
  std::vector<core::Vec3> b_cations;
  SegregationProfile profile;
  profile.top = -std::numeric_limits<double>::infinity();
  double bottom = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < x.size(); ++i)
    if ((*in.is_site_cation)[i]) {
      b_cations.push_back(x[i]);
      profile.top = std::max(profile.top, x[i][axis]);
      bottom = std::min(bottom, x[i][axis]);
    }
  if (b_cations.empty()) throw std::invalid_argument("the frame has no atoms of the site (B cation) types");
  const double layer_width = 0.5 * spacing;
  // The layer of a coordinate: 0 at the top plane, positive below; -1 above it.
  auto layer_of = [&](double c) {
    const double depth = profile.top - c;
    return depth < -0.5 * layer_width ? -1L : static_cast<long>(std::floor(depth / layer_width + 0.5));
  };
  profile.layers.resize(static_cast<std::size_t>(layer_of(bottom)) + 1);
  auto count_in = [&](double c, long SegregationLayer::*field) {
    const long layer = layer_of(c);
    if (layer >= 0 && layer < static_cast<long>(profile.layers.size())) ++(profile.layers[layer].*field);
  };

  const double occupied_within = 0.25 * spacing;
  const core::PerovskiteOxygenSites sites(b_cations, box, spacing, occupied_within);
  std::vector<char> occupied(sites.positions().size(), 0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    if ((*in.is_oxygen)[i]) {
      const int s = sites.site_at(x[i], occupied_within);
      if (s >= 0) occupied[s] = 1;
    }
    if ((*in.is_dopant)[i]) {
      ++profile.dopants;
      count_in(x[i][axis], &SegregationLayer::dopants);
    }
    if ((*in.is_metal)[i]) {
      if ((*in.particle_of_atom)[i] > 0) {
        ++profile.metal_in_particles;
      } else if (layer_of(x[i][axis]) >= 0) {
        ++profile.metal_lattice;
        count_in(x[i][axis], &SegregationLayer::metal_lattice);
      } else {
        ++profile.metal_adatoms;
      }
    }
  }
  for (std::size_t s = 0; s < sites.positions().size(); ++s) {
    const double c = sites.positions()[s][axis];
    ++profile.oxygen_sites;
    count_in(c, &SegregationLayer::oxygen_sites);
    if (occupied[s]) continue;
    ++profile.oxygen_vacancies;
    count_in(c, &SegregationLayer::oxygen_vacancies);
  }
  return profile;
}

}  // namespace analyses
}  // namespace exsolve
