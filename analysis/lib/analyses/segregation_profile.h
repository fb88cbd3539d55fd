// The dopant and vacancy profile of a doped perovskite slab in one frame, and where its
// exsolved metal is: what `exsolve-analyze segregation` writes per frame. Depths are
// counted from the top B-cation plane of the slab along the surface axis, in atomic layers
// of half a lattice spacing (layer 0: the top BO2 plane, 1: the AO plane below it, ...).
// Oxygen sites: core::PerovskiteOxygenSites on the B cations, occupied by an oxygen within
// a quarter of the spacing.
#pragma once

#include "core/periodic_box.h"

#include <array>
#include <cstdint>
#include <vector>

namespace exsolve {
namespace analyses {

struct SegregationInput {
  const std::vector<std::array<double, 3>> *position;
  const std::vector<char> *is_site_cation;  // B cations: they make the oxygen sites and the top plane
  const std::vector<char> *is_dopant;       // e.g. Ni2+
  const std::vector<char> *is_oxygen;
  const std::vector<char> *is_metal;                  // e.g. Ni(0)
  const std::vector<std::int64_t> *particle_of_atom;  // 0: in no particle
};

struct SegregationLayer {
  long dopants = 0, metal_lattice = 0, oxygen_sites = 0, oxygen_vacancies = 0;
};

struct SegregationProfile {
  double top = 0.0;                      // the top B plane's coordinate along the axis (the highest B cation)
  std::vector<SegregationLayer> layers;  // from the top down, to the deepest B cation's layer
  // Metal atoms: in a particle; outside one, at or below the top plane (a quarter layer of
  // slack) in the lattice; outside one and above it, adatoms.
  long metal_in_particles = 0, metal_lattice = 0, metal_adatoms = 0;
  long dopants = 0, oxygen_sites = 0, oxygen_vacancies = 0;
};

// Throws std::invalid_argument for a spacing that is not positive or a frame without B
// cations.
SegregationProfile segregation_profile(const SegregationInput &input, const core::PeriodicBox &box, int axis,
                                       double spacing);

}  // namespace analyses
}  // namespace exsolve
