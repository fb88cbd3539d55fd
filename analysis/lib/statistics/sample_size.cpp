#include "statistics/sample_size.h"

#include "statistics/student_t.h"

#include <cmath>
#include <limits>

namespace exsolve {
namespace statistics {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// t_{1-alpha/2, df} + t_{power, df}: how many standard errors the difference must span.
double quantile_sum(double df)
{
  return student_t_quantile(1.0 - significance_level / 2.0, df) + student_t_quantile(target_power, df);
}

}  // namespace

double replicas_needed(const core::Estimate &a, const core::Estimate &b)
{
  const WelchTest test = welch_test(a, b);
  if (!test.valid || test.change.value == 0.0 || test.change.standard_error == 0.0) return NaN;
  const double var_a = a.standard_error * a.standard_error * a.samples,
               var_b = b.standard_error * b.standard_error * b.samples;
  const double ratio = (var_a + var_b) / (test.change.value * test.change.value);
  // A change so small against the spread that its square underflows: no finite number.
  if (!std::isfinite(ratio)) return std::numeric_limits<double>::infinity();
  // Start from the normal-quantile answer (a lower bound: t quantiles exceed normal ones)
  // and step up until the t-quantile condition holds; the quantiles settle within a few n.
  const double z_sum = 1.959963984540054 + 0.8416212335729143;
  double n = std::max(2.0, std::ceil(z_sum * z_sum * ratio));
  for (;; n += 1.0) {
    const double df = (var_a + var_b) * (var_a + var_b) * (n - 1.0) / (var_a * var_a + var_b * var_b);
    const double q = quantile_sum(df);
    if (n >= q * q * ratio) return n;
  }
}

double run_length_factor(const WelchTest &test)
{
  if (!test.valid || test.change.value == 0.0 || test.change.standard_error == 0.0) return NaN;
  const double spans = quantile_sum(std::max(1.0, test.degrees_of_freedom)) * test.change.standard_error;
  return spans * spans / (test.change.value * test.change.value);
}

}  // namespace statistics
}  // namespace exsolve
