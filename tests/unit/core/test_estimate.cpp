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

// Student-t quantiles from the table and between its rows.
BOOST_AUTO_TEST_CASE(student_t_quantiles)
{
  BOOST_TEST(student_t_975(4) == 2.776);
  BOOST_TEST(student_t_975(30) == 2.042, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(student_t_975(1e9) == 1.960, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(student_t_975(4.5) < 2.776);
  BOOST_TEST(student_t_975(4.5) > 2.571);
  BOOST_TEST(std::isnan(student_t_975(0.5)));
}

// Welch: a = 1.0 +- 0.3 (5 samples), b = 2.0 +- 0.4 (5 samples): t = 2.0,
// df = 0.25^2 / (0.0081/4 + 0.0256/4) = 7.418, critical 2.35: not significant although z = 2.
BOOST_AUTO_TEST_CASE(welch_difference)
{
  const Difference d = difference({1.0, 0.3, 5}, {2.0, 0.4, 5});
  BOOST_TEST(d.valid);
  BOOST_TEST(d.change.value == 1.0);
  BOOST_TEST(d.change.standard_error == 0.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(d.t_statistic == 2.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(d.degrees_of_freedom == 0.0625 / (0.0081 / 4 + 0.0256 / 4), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(!d.significant);
  BOOST_TEST(difference({1.0, 0.1, 5}, {2.0, 0.1, 5}).significant);
  BOOST_TEST(!difference({1.0, 0.1, 1}, {2.0, 0.1, 5}).valid);
  BOOST_TEST(!difference({1.0, 0.0, 5}, {1.0, 0.0, 5}).significant);
}

BOOST_AUTO_TEST_SUITE_END()
