#include "core/perovskite_oxygen_sites.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

using exsolve::core::PerovskiteOxygenSites;
using exsolve::core::PeriodicBox;
using exsolve::core::Vec3;

namespace {

constexpr double A = 3.905;

// B cations of an n x n x layers simple cubic lattice of spacing A; the box periodic in x
// and y (n A), and along z periodic (layers A) or not.
std::vector<Vec3> b_lattice(int n, int layers, PeriodicBox &box, bool periodic_z)
{
  box.lo = {{0.0, 0.0, 0.0}};
  box.hi = {{n * A, n * A, periodic_z ? layers * A : 40.0}};
  box.periodic = {{true, true, periodic_z}};
  std::vector<Vec3> b;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      for (int k = 0; k < layers; ++k) b.push_back({{i * A + 0.1, j * A + 0.1, k * A + 2.0}});
  return b;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(perovskite_oxygen_sites)

BOOST_AUTO_TEST_CASE(three_sites_per_b_cation_in_the_bulk_with_eight_nearest_neighbours)
{
  PeriodicBox box;
  const std::vector<Vec3> b = b_lattice(3, 3, box, true);
  const double hop = A * (1 / std::sqrt(2.0) + 0.15);
  const PerovskiteOxygenSites sites(b, box, A, hop);
  BOOST_TEST(sites.positions().size() == 81u);
  for (int s = 0; s < 81; ++s) {
    BOOST_TEST(sites.neighbours(s, hop).size() == 8u);
    // Every site is midway between two B cations: a/2 from the nearest.
    double nearest = 1e9;
    for (const Vec3 &x : b) nearest = std::min(nearest, std::sqrt(box.distance_sq(x, sites.positions()[s])));
    BOOST_TEST(std::abs(nearest - A / 2) < 1e-9);
  }
  // The site at a midpoint across the periodic boundary (between x = 0.1 and x = 2A + 0.1).
  const int across = sites.site_at({{-0.5 * A + 0.1 + 3 * A - 0.05, 0.1, 2.0}}, A / 4);
  BOOST_REQUIRE(across >= 0);
  BOOST_TEST(std::abs(sites.positions()[across][0] - (2.5 * A + 0.1)) < 1e-9);
  BOOST_TEST(sites.site_at(b[4], A / 4) == -1);  // a B cation is no oxygen site
  const Vec3 step = sites.step(across, sites.site_at({{0.6 * A + 0.1, 0.1, 2.0}}, A / 4));
  BOOST_TEST(std::abs(step[0] - A) < 1e-9);  // across the boundary: the short way
}

BOOST_AUTO_TEST_CASE(a_slab_has_no_sites_above_its_top_layer_and_none_for_diagonal_pairs)
{
  PeriodicBox box;
  const std::vector<Vec3> b = b_lattice(4, 3, box, false);
  const PerovskiteOxygenSites sites(b, box, A, 3.5);
  // In-plane: 2 per B (96); along z: between layers 0-1 and 1-2 (32).
  BOOST_TEST(sites.positions().size() == 128u);
  for (const Vec3 &s : sites.positions()) BOOST_TEST(s[2] <= 2.0 + 2 * A + 1e-9);
  // A B cation moved off its place by 0.2 A still makes its sites (thermal motion).
  std::vector<Vec3> shaken = b;
  shaken[5][0] += 0.2;
  BOOST_TEST(PerovskiteOxygenSites(shaken, box, A, 3.5).positions().size() == 128u);
  BOOST_CHECK_THROW(PerovskiteOxygenSites(b, box, 0.0, 3.5), std::invalid_argument);
  BOOST_TEST(PerovskiteOxygenSites({}, box, A, 3.5).site_at({{1.0, 1.0, 1.0}}, 1.0) == -1);
}

BOOST_AUTO_TEST_SUITE_END()
