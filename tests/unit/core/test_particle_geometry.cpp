#include "core/particle_geometry.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

using namespace exsolve::core;

namespace {

OrthogonalBox box_20()
{
  OrthogonalBox box;
  box.lo = {{-5.0, 0.0, 0.0}};
  box.hi = {{15.0, 20.0, 30.0}};
  box.periodic = {{true, true, false}};
  return box;
}

struct Geometry {
  Vec3 com;
  double rg, extent;
};

// Pass 1 and 2 over atoms, optionally split in two "ranks" that are merged.
Geometry measure(const std::vector<Vec3> &x, const std::vector<double> &m, const OrthogonalBox &box, bool split)
{
  // Atom IDs count down, so the reference atom is the last one, seen by "rank" b when split.
  FirstMoments first_a, first_b;
  for (std::size_t i = 0; i < x.size(); ++i)
    (split && i % 2 ? first_b : first_a).add(static_cast<long>(x.size() - i), x[i], m[i]);
  first_a.merge(first_b);
  BOOST_TEST(first_a.atoms == static_cast<double>(x.size()));
  BOOST_TEST(first_a.reference_id == 1);
  const Vec3 ref = first_a.reference;
  SecondMoments second_a, second_b;
  for (std::size_t i = 0; i < x.size(); ++i) (split && i % 2 ? second_b : second_a).add(x[i], m[i], ref, box, 2);
  second_a.merge(second_b);
  return {second_a.centre_of_mass(ref, box), second_a.radius_of_gyration(), second_a.extent()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(particle_geometry)

BOOST_AUTO_TEST_CASE(compact_particle_matches_plain_average)
{
  const std::vector<Vec3> x = {{{1.0, 2.0, 3.0}}, {{2.0, 2.0, 3.0}}, {{1.0, 4.0, 5.0}}, {{2.0, 4.0, 5.0}}};
  const std::vector<double> m = {1.0, 1.0, 3.0, 3.0};
  const Geometry g = measure(x, m, box_20(), false);
  BOOST_TEST(g.com[0] == 1.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(g.com[1] == 3.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(g.com[2] == 4.5, boost::test_tools::tolerance(1e-12));
  // Rg^2 = sum m |x - com|^2 / M: x contributes 0.25, y and z (1.5^2 or 0.5^2 weighted) 1.5 each.
  BOOST_TEST(g.rg == std::sqrt(0.25 + 0.75 + 0.75), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(g.extent == 2.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(particle_across_the_boundary_has_the_same_shape)
{
  // The same particle, shifted by 14 Å in x so that it straddles x = 15 | -5.
  std::vector<Vec3> inside = {{{1.0, 2.0, 3.0}}, {{2.5, 2.0, 3.0}}, {{1.0, 3.5, 4.0}}, {{2.5, 3.5, 6.0}}};
  std::vector<Vec3> across = inside;
  for (auto &p : across) {
    p[0] += 12.5;
    if (p[0] >= 15.0) p[0] -= 20.0;
  }
  const std::vector<double> m(4, 58.69);
  const Geometry a = measure(inside, m, box_20(), false);
  const Geometry b = measure(across, m, box_20(), true);
  double expected_x = a.com[0] + 12.5;
  if (expected_x >= 15.0) expected_x -= 20.0;
  BOOST_TEST(b.com[0] == expected_x, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(b.com[1] == a.com[1], boost::test_tools::tolerance(1e-9));
  BOOST_TEST(b.rg == a.rg, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(b.extent == a.extent, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_SUITE_END()
