#include "core/bond_counter.h"

#include <boost/test/unit_test.hpp>

#include <random>
#include <stdexcept>

using namespace exsolve::core;

namespace {

struct Configuration {
  std::vector<Vec3> x;
  std::vector<int> type;
  std::vector<char> metal, oxygen;
  void add(const Vec3 &position, int atom_type, bool is_metal, bool is_oxygen)
  {
    x.push_back(position);
    type.push_back(atom_type);
    metal.push_back(is_metal);
    oxygen.push_back(is_oxygen);
  }
  BondCountInput input() const { return BondCountInput{&x, &type, &metal, &oxygen}; }
};

PeriodicBox box_8x8x20()
{
  PeriodicBox box;
  box.hi = {{8.0, 8.0, 20.0}};
  box.periodic = {{true, true, false}};
  return box;
}

// An oxygen square net (spacing 2 Å) in the plane z = 0 of an 8 x 8 Å periodic cell.
Configuration oxygen_net()
{
  Configuration c;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) c.add({{2.0 * i, 2.0 * j, 0.0}}, 3, false, true);
  return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bond_counter)

BOOST_AUTO_TEST_CASE(hand_counted_sites_across_periodic_boundary)
{
  Configuration c = oxygen_net();
  c.add({{0.0, 0.0, 1.0}}, 4, true, false);  // on top of O(0,0): 1 at 1.0 Å + 4 at 2.236 Å,
                                             // two of them only through the periodic images
  c.add({{1.0, 1.0, 1.0}}, 4, true, false);  // hollow: 4 at 1.732 Å
  c.add({{4.0, 4.0, 5.0}}, 4, true, false);  // far above: none
  PairCutoffs cutoffs(4);
  cutoffs.set_all(2.4);
  const auto bonds = count_metal_oxygen_bonds(c.input(), box_8x8x20(), cutoffs);
  BOOST_TEST(bonds[16] == 5);
  BOOST_TEST(bonds[17] == 4);
  BOOST_TEST(bonds[18] == 0);
  for (int i = 0; i < 16; ++i) BOOST_TEST(bonds[i] == 0);  // oxygens carry no count

  cutoffs.set(4, 3, 1.5);  // per-type-pair cutoff: only the on-top bond remains
  const auto short_bonds = count_metal_oxygen_bonds(c.input(), box_8x8x20(), cutoffs);
  BOOST_TEST(short_bonds[16] == 1);
  BOOST_TEST(short_bonds[17] == 0);
}

BOOST_AUTO_TEST_CASE(agrees_with_brute_force_on_random_configuration)
{
  // Oracle: all pairs with the minimum-image distance.
  std::mt19937 rng(12345);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  PeriodicBox box;
  box.lo = {{-3.0, 1.0, 0.0}};
  box.hi = {{12.0, 14.0, 9.0}};
  box.periodic = {{true, true, false}};
  Configuration c;
  for (int n = 0; n < 600; ++n) {
    const bool metal = n % 3 == 0;
    c.add({{box.lo[0] + u(rng) * box.length(0), box.lo[1] + u(rng) * box.length(1), u(rng) * 9.0}}, metal ? 2 : 1,
          metal, !metal);
  }
  PairCutoffs cutoffs(2);
  cutoffs.set_all(2.6);
  const auto bonds = count_metal_oxygen_bonds(c.input(), box, cutoffs);
  long total = 0;
  for (std::size_t i = 0; i < c.x.size(); ++i) {
    int expected = 0;
    if (c.metal[i])
      for (std::size_t j = 0; j < c.x.size(); ++j)
        if (c.oxygen[j] && box.distance_sq(c.x[i], c.x[j]) < 2.6 * 2.6) ++expected;
    BOOST_TEST(bonds[i] == expected);
    total += expected;
  }
  BOOST_TEST(total > 100);  // the check is not vacuous
}

BOOST_AUTO_TEST_CASE(rejects_box_shorter_than_two_cutoffs)
{
  Configuration c = oxygen_net();
  PairCutoffs cutoffs(4);
  cutoffs.set_all(4.5);
  BOOST_CHECK_THROW(count_metal_oxygen_bonds(c.input(), box_8x8x20(), cutoffs), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
