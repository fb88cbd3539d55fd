#include "core/estimate.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace exsolve::core;

BOOST_AUTO_TEST_SUITE(estimate)

// Blocks of 2 values: means 1, 2, 3, 4, 5 -> mean 3, sample variance 2.5, error sqrt(2.5/5).
BOOST_AUTO_TEST_CASE(block_average_by_hand)
{
  const Estimate e = block_average({0.5, 1.5, 2, 2, 3, 3, 4.5, 3.5, 5, 5}, 5);
  BOOST_TEST(e.value == 3.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(e.standard_error == std::sqrt(0.5), boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(block_average_of_a_constant_has_no_error_and_needs_enough_values)
{
  const Estimate e = block_average(std::vector<double>(11, 1.25));
  BOOST_TEST(e.value == 1.25);
  BOOST_TEST(e.standard_error == 0.0);
  BOOST_CHECK_THROW(block_average({1, 2, 3}, 5), std::invalid_argument);
  BOOST_CHECK_THROW(block_average({1, 2, 3}, 1), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(difference_adds_errors_in_quadrature)
{
  const Difference d = difference({1.0, 0.3}, {2.0, 0.4});
  BOOST_TEST(d.change.value == 1.0);
  BOOST_TEST(d.change.standard_error == 0.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(d.z_score == 2.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(difference({1.0, 0.0}, {1.0, 0.0}).z_score == 0.0);
  BOOST_TEST(difference({2.0, 0.0}, {1.0, 0.0}).z_score == -std::numeric_limits<double>::infinity());
}

BOOST_AUTO_TEST_SUITE_END()
