#include "statistics/welch_test.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace exsolve;
using namespace exsolve::statistics;
namespace tt = boost::test_tools;

BOOST_AUTO_TEST_SUITE(welch_test_suite)

// Replica values a = {1.52, 1.55, 1.50}, b = {1.30, 1.22, 1.27, 1.25}. By hand in python3
// (tests/unit/statistics/hand_numbers.py, standard library only: mean, sample variance / n,
// the t density integrated by Simpson's rule):
// a 1.5233333 +- 0.0145297 (3), b 1.26 +- 0.0168325 (4), change -0.2633333 +- 0.0222361,
// t = -11.8426007, df = 4.9848962, p = 7.70741e-05.
BOOST_AUTO_TEST_CASE(replicas_by_hand)
{
  const core::Estimate a = core::mean_with_error({1.52, 1.55, 1.50}),
                       b = core::mean_with_error({1.30, 1.22, 1.27, 1.25});
  BOOST_TEST(a.standard_error == 0.0145296631, tt::tolerance(1e-8));
  const WelchTest w = welch_test(a, b);
  BOOST_TEST(w.valid);
  BOOST_TEST(w.change.value == -0.2633333333, tt::tolerance(1e-9));
  BOOST_TEST(w.change.standard_error == 0.0222361068, tt::tolerance(1e-8));
  BOOST_TEST(w.t_statistic == -11.8426006861, tt::tolerance(1e-9));
  BOOST_TEST(w.degrees_of_freedom == 4.9848961611, tt::tolerance(1e-9));
  BOOST_TEST(w.p_value == 7.70741398e-05, tt::tolerance(1e-6));
  BOOST_TEST(w.significant);
}

// a = 1.0 +- 0.3 (5 samples), b = 2.0 +- 0.4 (5): t = 2, df = 0.25^2 / (0.0081/4 + 0.0256/4)
// = 7.418; p = 0.0833 > 0.05: not significant although z = 2 (python3 integration as above:
// p2(2, 7.41839763) = 0.0833162).
BOOST_AUTO_TEST_CASE(z_of_two_is_not_enough_with_few_samples)
{
  const WelchTest w = welch_test({1.0, 0.3, 5}, {2.0, 0.4, 5});
  BOOST_TEST(w.t_statistic == 2.0, tt::tolerance(1e-12));
  BOOST_TEST(w.degrees_of_freedom == 0.0625 / (0.0081 / 4 + 0.0256 / 4), tt::tolerance(1e-12));
  BOOST_TEST(w.p_value == 0.0833161537, tt::tolerance(1e-8));
  BOOST_TEST(!w.significant);
  BOOST_TEST(welch_test({1.0, 0.1, 5}, {2.0, 0.1, 5}).significant);
}

BOOST_AUTO_TEST_CASE(no_error_no_test)
{
  BOOST_TEST(!welch_test({1.0, 0.1, 1}, {2.0, 0.1, 5}).valid);
  BOOST_TEST(std::isnan(welch_test({NAN, NAN, 0}, {2.0, 0.1, 5}).p_value));
  BOOST_TEST(!welch_test({1.0, NAN, 3}, {2.0, 0.1, 5}).valid);
  const WelchTest equal = welch_test({1.0, 0.0, 5}, {1.0, 0.0, 5});
  BOOST_TEST(equal.p_value == 1.0);
  BOOST_TEST(!equal.significant);
  const WelchTest apart = welch_test({1.0, 0.0, 5}, {2.0, 0.0, 5});
  BOOST_TEST(std::isinf(apart.t_statistic));
  BOOST_TEST(apart.significant);
}

BOOST_AUTO_TEST_SUITE_END()
