#include "core/bond_tally.h"
#include "core/particle_bond_table.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

using exsolve::core::BondTally;
using exsolve::core::ParticleBondTable;

BOOST_AUTO_TEST_SUITE(bond_tally)

BOOST_AUTO_TEST_CASE(summary_and_histogram)
{
  BondTally tally(3);  // bins for 0, 1, 2, >=3 bonds
  for (int n : {0, 0, 1, 4, 2, 3}) tally.add_metal_atom(n);
  BOOST_TEST(tally.total_bonds() == 10.0);
  BOOST_TEST(tally.interface_atoms() == 4.0);
  BOOST_TEST(tally.metal_atoms() == 6.0);
  BOOST_TEST(tally.bonds_per_interface_atom() == 2.5);
  BOOST_TEST(tally.bonds_per_metal_atom() == 10.0 / 6.0);
  BOOST_TEST(tally.histogram_bins() == 4);
  BOOST_TEST(tally.histogram(0) == 2.0);
  BOOST_TEST(tally.histogram(1) == 1.0);
  BOOST_TEST(tally.histogram(2) == 1.0);
  BOOST_TEST(tally.histogram(3) == 2.0);  // 3 and 4 bonds
}

BOOST_AUTO_TEST_CASE(no_interface_gives_zero_means)
{
  BondTally tally;
  BOOST_TEST(tally.histogram_bins() == 0);
  BOOST_TEST(tally.bonds_per_interface_atom() == 0.0);
  tally.add_metal_atom(0);
  BOOST_TEST(tally.bonds_per_interface_atom() == 0.0);
  BOOST_TEST(tally.bonds_per_metal_atom() == 0.0);
}

BOOST_AUTO_TEST_CASE(particle_rows_merge_across_partial_tables)
{
  // Two "ranks" each see part of particles 7 and 3; merging gives whole particles in ID order.
  ParticleBondTable rank0, rank1, merged;
  rank0.add_atom(7, 2);
  rank0.add_atom(3, 0);
  rank1.add_atom(7, 0);
  rank1.add_atom(7, 3);
  rank1.add_atom(3, 1);
  merged.merge_flat(rank0.flatten());
  merged.merge_flat(rank1.flatten());
  const auto rows = merged.rows();
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[0].particle_id == 3);
  BOOST_TEST(rows[0].atoms == 2.0);
  BOOST_TEST(rows[0].interface_atoms == 1.0);
  BOOST_TEST(rows[0].bonds == 1.0);
  BOOST_TEST(rows[1].particle_id == 7);
  BOOST_TEST(rows[1].atoms == 3.0);
  BOOST_TEST(rows[1].interface_atoms == 2.0);
  BOOST_TEST(rows[1].bonds_per_interface_atom() == 2.5);
  BOOST_CHECK_THROW(merged.merge_flat({1.0, 2.0, 3.0}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(sums_and_exact_count_histogram_equal_atom_by_atom)
{
  // A parallel kernel hands over its sums and how many atoms have exactly n bonds; the
  // tally must equal adding the atoms one by one (hand-made counts, histogram up to 2 so
  // that 3 and 5 land in the last bin).
  const std::vector<int> counts = {0, 1, 1, 2, 3, 5, 0};
  BondTally one_by_one(2), gathered(2);
  for (int n : counts) one_by_one.add_metal_atom(n);
  gathered.add_sums(12.0, 5.0, 7.0);
  const double atoms_with[] = {2, 2, 1, 1, 0, 1};
  for (int n = 0; n <= 5; ++n) gathered.add_to_histogram(n, atoms_with[n]);
  BOOST_TEST(gathered.raw() == one_by_one.raw(), boost::test_tools::per_element());
  BOOST_TEST(one_by_one.histogram(2) == 3.0);  // 2, 3 and 5 bonds
}

BOOST_AUTO_TEST_SUITE_END()
