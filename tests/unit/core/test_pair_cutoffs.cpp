#include "core/pair_cutoffs.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

using exsolve::core::PairCutoffs;

BOOST_AUTO_TEST_SUITE(pair_cutoffs)

BOOST_AUTO_TEST_CASE(global_then_pair_override_is_symmetric)
{
  PairCutoffs cutoffs(4);
  cutoffs.set_all(2.4);
  cutoffs.set(4, 3, 2.1);
  BOOST_TEST(cutoffs.cutoff(3, 4) == 2.1);
  BOOST_TEST(cutoffs.cutoff(4, 3) == 2.1);
  BOOST_TEST(cutoffs.cutoff(1, 3) == 2.4);
  BOOST_TEST(cutoffs.cutoff_sq(4, 3) == 2.1 * 2.1);
  BOOST_TEST(cutoffs.max_cutoff() == 2.4);
}

BOOST_AUTO_TEST_CASE(bond_is_strictly_inside_cutoff)
{
  // Same convention as LAMMPS compute coord/atom: r < rc.
  PairCutoffs cutoffs(2);
  cutoffs.set(1, 2, 2.0);
  BOOST_TEST(cutoffs.bonded(1, 2, 3.999));
  BOOST_TEST(!cutoffs.bonded(1, 2, 4.0));
  BOOST_TEST(!cutoffs.bonded(1, 1, 0.5));  // unset pair: no bonds
}

BOOST_AUTO_TEST_CASE(rejects_bad_types_and_cutoffs)
{
  PairCutoffs cutoffs(3);
  BOOST_CHECK_THROW(cutoffs.set(0, 1, 2.0), std::out_of_range);
  BOOST_CHECK_THROW(cutoffs.set(1, 4, 2.0), std::out_of_range);
  BOOST_CHECK_THROW(cutoffs.set(1, 2, -1.0), std::invalid_argument);
  BOOST_CHECK_THROW(PairCutoffs(0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
