#include "statistics/sample_size.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace exsolve;
using namespace exsolve::statistics;
namespace tt = boost::test_tools;

BOOST_AUTO_TEST_SUITE(sample_size)

// An estimate of `samples` replicas whose standard deviation is `sd`.
core::Estimate replicas(double mean, double sd, int samples)
{
  return {mean, sd / std::sqrt(double(samples)), samples};
}

// The textbook two-sample numbers (alpha 0.05 two-sided, power 0.8, equal spreads):
// 17 per group for a difference of one standard deviation, 64 for half of one. The same
// numbers and the ones below from python3 (standard library, hand_numbers.py here): the smallest n >= 2 with
// n >= (q(0.975, df) + q(0.8, df))^2 (sa^2 + sb^2) / change^2, quantiles by bisection on
// the t density integrated with Simpson's rule.
BOOST_AUTO_TEST_CASE(replicas_by_hand)
{
  BOOST_TEST(replicas_needed(replicas(0.0, 1.0, 5), replicas(1.0, 1.0, 5)) == 17.0);
  BOOST_TEST(replicas_needed(replicas(0.0, 1.0, 5), replicas(0.5, 1.0, 5)) == 64.0);
  // Replica values of D: {0.08, 0.11, 0.09} and {0.15, 0.40, 0.22, 0.31}: 6 each.
  BOOST_TEST(replicas_needed(core::mean_with_error({0.08, 0.11, 0.09}),
                             core::mean_with_error({0.15, 0.40, 0.22, 0.31})) == 6.0);
  // A difference far above the spread still needs 2 replicas (a spread needs two).
  BOOST_TEST(replicas_needed(core::mean_with_error({1.52, 1.55, 1.50}),
                             core::mean_with_error({1.30, 1.22, 1.27, 1.25})) == 2.0);
}

// One run per condition: D 0.09 +- 0.013 and 0.50 +- 0.41 over 8 segments each (the demo's
// numbers): df 7.01407, t 0.99950, and runs (q(0.975, df) + q(0.8, df))^2 (error/change)^2
// = 10.6355 times longer (python3 as above).
BOOST_AUTO_TEST_CASE(run_length_by_hand)
{
  const WelchTest test = welch_test({0.09, 0.013, 8}, {0.50, 0.41, 8});
  BOOST_TEST(test.degrees_of_freedom == 7.014074941, tt::tolerance(1e-8));
  BOOST_TEST(test.p_value == 0.3507791982, tt::tolerance(1e-7));
  BOOST_TEST(run_length_factor(test) == 10.6355235, tt::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(nothing_to_resolve)
{
  BOOST_TEST(std::isnan(replicas_needed(replicas(1.0, 1.0, 3), replicas(1.0, 1.0, 3))));
  BOOST_TEST(std::isnan(replicas_needed(replicas(1.0, 0.0, 3), replicas(2.0, 0.0, 3))));
  BOOST_TEST(std::isnan(replicas_needed({1.0, NAN, 1}, replicas(2.0, 1.0, 3))));
  BOOST_TEST(std::isnan(run_length_factor(welch_test({1.0, 0.1, 1}, {2.0, 0.1, 5}))));
  BOOST_TEST(std::isinf(replicas_needed(replicas(0.0, 1.0, 3), replicas(1e-170, 1.0, 3))));
}

BOOST_AUTO_TEST_SUITE_END()
