#include "core/particle_geometry.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

using namespace exsolve::core;

namespace {

PeriodicBox box_20()
{
  PeriodicBox box;
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
Geometry measure(const std::vector<Vec3> &x, const std::vector<double> &m, const PeriodicBox &box, bool split)
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
  for (std::size_t i = 0; i < x.size(); ++i) (split && i % 2 ? second_b : second_a).add(x[i], m[i], ref, box);
  second_a.merge(second_b);
  return {second_a.centre_of_mass(ref, box), second_a.radius_of_gyration(), second_a.extent(2)};
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

BOOST_AUTO_TEST_CASE(parts_summed_from_their_own_references_merge_to_the_whole)
{
  // Two "ranks" each sum from their first atom; shifted to the common reference (atom 0)
  // and merged, they must give what one pass from atom 0 gives. The particle straddles the
  // periodic x boundary, so the shifts need the minimum image.
  const std::vector<Vec3> x = {
      {{14.0, 2.0, 3.0}}, {{-4.5, 2.5, 3.5}}, {{13.0, 3.0, 5.0}}, {{-3.0, 4.0, 6.0}}, {{14.5, 1.0, 7.5}}};
  const std::vector<double> m = {58.69, 58.69, 47.87, 58.69, 15.999};
  const PeriodicBox box = box_20();
  const Vec3 &reference = x[0];
  SecondMoments whole, part_a, part_b;
  for (std::size_t i = 0; i < x.size(); ++i) whole.add(x[i], m[i], reference, box);
  const Vec3 &reference_a = x[2], &reference_b = x[1];
  for (std::size_t i = 0; i < x.size(); ++i)
    (i % 2 ? part_b : part_a).add(x[i], m[i], i % 2 ? reference_b : reference_a, box);
  part_a.shift(box.minimum_image(reference, reference_a));
  part_b.shift(box.minimum_image(reference, reference_b));
  part_a.merge(part_b);
  BOOST_TEST(part_a.mass == whole.mass, boost::test_tools::tolerance(1e-12));
  for (int k = 0; k < 3; ++k)
    BOOST_TEST(part_a.offset_sum[k] == whole.offset_sum[k], boost::test_tools::tolerance(1e-9));
  BOOST_TEST(part_a.offset_sq_sum == whole.offset_sq_sum, boost::test_tools::tolerance(1e-9));
  for (int k = 0; k < 3; ++k) {
    BOOST_TEST(part_a.offset_low[k] == whole.offset_low[k], boost::test_tools::tolerance(1e-12));
    BOOST_TEST(part_a.offset_high[k] == whole.offset_high[k], boost::test_tools::tolerance(1e-12));
  }
  BOOST_TEST(part_a.radius_of_gyration() == whole.radius_of_gyration(), boost::test_tools::tolerance(1e-9));
  const Vec3 com = part_a.centre_of_mass(reference, box), expected = whole.centre_of_mass(reference, box);
  for (int k = 0; k < 3; ++k) BOOST_TEST(com[k] == expected[k], boost::test_tools::tolerance(1e-9));
  // An empty part (a rank with no atoms of the particle) stays empty when shifted.
  SecondMoments empty;
  empty.shift({{3.0, 4.0, 5.0}});
  BOOST_TEST(empty.empty);
  BOOST_TEST(empty.offset_sq_sum == 0.0);
}

BOOST_AUTO_TEST_CASE(offsets_that_may_be_folded_wrongly_are_flagged)
{
  // box_20: x periodic (20 Å), y periodic (20 Å), z not periodic (30 Å); cutoff 3 Å.
  const PeriodicBox box = box_20();
  SecondMoments centred, from_edge, film, tall;
  // A 12 Å chain along x (more than half the box minus the cutoff, 7 Å, from its end).
  std::vector<Vec3> chain;
  for (double x = -6.0; x <= 6.0; x += 2.0) chain.push_back({{x, 5.0, 5.0}});
  for (const Vec3 &p : chain) centred.add(p, 1.0, {{0.0, 5.0, 5.0}}, box);
  for (const Vec3 &p : chain) from_edge.add(p, 1.0, chain.front(), box);
  // Summed from its middle, the offsets (6 Å at most) prove the folding right.
  BOOST_TEST(centred.ambiguous_axis(box, 3.0) == -1);
  BOOST_TEST(centred.extent(0) == 12.0, boost::test_tools::tolerance(1e-12));
  // From its end the far atoms come within the cutoff of half the box: flagged (folded
  // right here, but a slightly longer chain would not be).
  BOOST_TEST(from_edge.ambiguous_axis(box, 3.0) == 0);
  // Atoms every 2.5 Å all the way along x: a film connected to its own image, flagged from
  // any reference.
  for (double x = -5.0; x < 15.0; x += 2.5) film.add({{x, 5.0, 5.0}}, 1.0, {{0.0, 5.0, 5.0}}, box);
  BOOST_TEST(film.ambiguous_axis(box, 3.0) == 0);
  // 20 Å tall along the non-periodic z: no periodic image to confuse.
  for (double z = 0.0; z <= 20.0; z += 2.5) tall.add({{0.0, 5.0, z}}, 1.0, {{0.0, 5.0, 0.0}}, box);
  BOOST_TEST(tall.ambiguous_axis(box, 3.0) == -1);
  BOOST_TEST(tall.extent(2) == 20.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()
