#include "statistics/student_t.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace exsolve::statistics;
namespace tt = boost::test_tools;

BOOST_AUTO_TEST_SUITE(student_t)

// Closed forms: df = 1 is the Cauchy distribution, F(t) = 1/2 + atan(t)/pi; df = 2 has
// F(t) = 1/2 + t / (2 sqrt(2 + t^2)).
BOOST_AUTO_TEST_CASE(cdf_against_closed_forms)
{
  const double pi = std::acos(-1.0);
  for (double t : {-7.0, -1.3, -0.2, 0.0, 0.4, 1.0, 3.7, 25.0}) {
    BOOST_TEST(student_t_cdf(t, 1.0) == 0.5 + std::atan(t) / pi, tt::tolerance(1e-12));
    BOOST_TEST(student_t_cdf(t, 2.0) == 0.5 + t / (2.0 * std::sqrt(2.0 + t * t)), tt::tolerance(1e-12));
  }
}

// Two-sided 5 % critical values of any t table (rounded there to 3 decimals, hence the
// tolerance), both ways round: p at the tabulated t, and the quantile.
BOOST_AUTO_TEST_CASE(tabulated_critical_values)
{
  const double df[] = {1, 2, 4, 5, 10, 30}, t_975[] = {12.706, 4.303, 2.776, 2.571, 2.228, 2.042};
  for (int i = 0; i < 6; ++i) {
    BOOST_TEST(student_t_two_sided_p(t_975[i], df[i]) == 0.05, tt::tolerance(0.005));
    BOOST_TEST(std::fabs(student_t_quantile(0.975, df[i]) - t_975[i]) < 5.1e-4);
  }
  // One-sided 80 % (the power quantile) and two-sided 1 % at df = 10: 0.879 and 3.169.
  BOOST_TEST(std::fabs(student_t_quantile(0.8, 10) - 0.879) < 5.1e-4);
  BOOST_TEST(std::fabs(student_t_quantile(0.995, 10) - 3.169) < 5.1e-4);
  // The normal limit: 1.959964 at df -> infinity.
  BOOST_TEST(student_t_quantile(0.975, 1e8) == 1.959964, tt::tolerance(1e-6));
}

// Non-integer degrees of freedom (Welch-Satterthwaite gives them). The numbers are from an
// independent integration of the t density by Simpson's rule with 200 000 steps in python3
// (standard library only, tests/unit/statistics/hand_numbers.py: p2(t, df) = 1 - 2 *
// integral_0^|t| density):
// p2(2.228, 10) = 0.0500117718, p2(2.0, 7.5) = 0.0828969953, p2(1.5, 3.3) = 0.2225031967,
// and the 0.975 quantile at df 7.5 by bisection on it: 2.3330396.
BOOST_AUTO_TEST_CASE(non_integer_degrees_of_freedom)
{
  BOOST_TEST(student_t_two_sided_p(2.228, 10) == 0.0500117718, tt::tolerance(1e-8));
  BOOST_TEST(student_t_two_sided_p(2.0, 7.5) == 0.0828969953, tt::tolerance(1e-8));
  BOOST_TEST(student_t_two_sided_p(-1.5, 3.3) == 0.2225031967, tt::tolerance(1e-8));
  BOOST_TEST(student_t_quantile(0.975, 7.5) == 2.3330396, tt::tolerance(1e-7));
  BOOST_TEST(student_t_quantile(0.025, 7.5) == -2.3330396, tt::tolerance(1e-7));
}

BOOST_AUTO_TEST_CASE(limits_and_nonsense)
{
  BOOST_TEST(student_t_two_sided_p(0.0, 4) == 1.0);
  BOOST_TEST(student_t_two_sided_p(INFINITY, 4) == 0.0);
  BOOST_TEST(student_t_two_sided_p(1e6, 4) < 1e-20);
  BOOST_TEST(std::isnan(student_t_cdf(1.0, 0.0)));
  BOOST_TEST(std::isnan(student_t_cdf(NAN, 3.0)));
  BOOST_TEST(std::isnan(student_t_quantile(1.0, 3.0)));
  BOOST_TEST(std::isnan(student_t_quantile(0.5, -1.0)));
}

BOOST_AUTO_TEST_SUITE_END()
