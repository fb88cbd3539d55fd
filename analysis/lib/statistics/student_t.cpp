#include "statistics/student_t.h"

#include <cmath>
#include <limits>

namespace exsolve {
namespace statistics {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// The continued fraction of the incomplete beta function, evaluated by the modified Lentz
// method (Numerical Recipes, 3rd ed., section 6.4); converges fast for x < (a+1)/(a+b+2).
double incomplete_beta_fraction(double a, double b, double x)
{
  constexpr double tiny = 1e-300, epsilon = 1e-15;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double result = d;
  for (int m = 1; m <= 10000; ++m) {
    const double m2 = 2.0 * m;
    // Even step.
    double term = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    d = 1.0 + term * d;
    c = 1.0 + term / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    result *= d * c;
    // Odd step.
    term = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    d = 1.0 + term * d;
    c = 1.0 + term / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double factor = d * c;
    result *= factor;
    if (std::fabs(factor - 1.0) < epsilon) break;
  }
  return result;
}

// The regularized incomplete beta function I_x(a, b), 0 <= x <= 1.
double regularized_incomplete_beta(double a, double b, double x)
{
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  // The fraction converges for x below (a+1)/(a+b+2); above it use I_x(a,b) = 1 - I_{1-x}(b,a).
  if (x < (a + 1.0) / (a + b + 2.0)) return std::exp(log_front) * incomplete_beta_fraction(a, b, x) / a;
  return 1.0 - std::exp(log_front) * incomplete_beta_fraction(b, a, 1.0 - x) / b;
}

}  // namespace

double student_t_two_sided_p(double t, double df)
{
  if (!(df > 0.0) || std::isnan(t)) return NaN;
  if (std::isinf(t)) return 0.0;
  // P(|T| >= |t|) = I_{df/(df+t^2)}(df/2, 1/2) (Abramowitz & Stegun 26.7.1 with 26.5.27).
  return regularized_incomplete_beta(0.5 * df, 0.5, df / (df + t * t));
}

double student_t_cdf(double t, double df)
{
  const double tail = 0.5 * student_t_two_sided_p(t, df);
  return t >= 0.0 ? 1.0 - tail : tail;
}

double student_t_quantile(double probability, double df)
{
  if (!(probability > 0.0 && probability < 1.0) || !(df > 0.0)) return NaN;
  if (probability < 0.5) return -student_t_quantile(1.0 - probability, df);
  // Bisection on the monotone CDF: slow but certain, and compare calls it a few times.
  double low = 0.0, high = 1.0;
  while (student_t_cdf(high, df) < probability) high *= 2.0;
  for (int i = 0; i < 200 && high - low > 1e-12 * high; ++i) {
    const double middle = 0.5 * (low + high);
    (student_t_cdf(middle, df) < probability ? low : high) = middle;
  }
  return 0.5 * (low + high);
}

}  // namespace statistics
}  // namespace exsolve
