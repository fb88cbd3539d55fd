#include "core/estimate.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

using namespace exsolve::core;

BOOST_AUTO_TEST_SUITE(estimate)

// Blocks of 2 values: means 1, 2, 3, 4, 5 -> mean 3, sample variance 2.5, error sqrt(2.5/5).
BOOST_AUTO_TEST_CASE(block_average_by_hand)
{
  const Estimate e = block_average({0.5, 1.5, 2, 2, 3, 3, 4.5, 3.5, 5, 5}, 5);
  BOOST_TEST(e.value == 3.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(e.standard_error == std::sqrt(0.5), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(e.samples == 5);
}

BOOST_AUTO_TEST_CASE(too_short_series_give_no_estimate)
{
  BOOST_TEST(!block_average({1, 2, 3, 4, 5, 6, 7, 8, 9}, 5, 2).valid());
  BOOST_TEST(std::isnan(block_average({1, 2, 3}, 5).value));
  BOOST_TEST(!mean_with_error({1.0}).valid());
  const Estimate constant = block_average(std::vector<double>(11, 1.25));
  BOOST_TEST(constant.value == 1.25);
  BOOST_TEST(constant.standard_error == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
