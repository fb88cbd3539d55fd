#include "core/estimate.h"

#include <cmath>
#include <limits>

namespace exsolve {
namespace core {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

Estimate mean_with_error(const std::vector<double> &samples)
{
  Estimate e;
  e.samples = static_cast<int>(samples.size());
  if (samples.size() < 2) return {NaN, NaN, e.samples};
  double mean = 0.0;
  for (double v : samples) mean += v;
  mean /= samples.size();
  double variance = 0.0;
  for (double v : samples) variance += (v - mean) * (v - mean);
  variance /= samples.size() - 1;
  e.value = mean;
  e.standard_error = std::sqrt(variance / samples.size());
  return e;
}

Estimate block_average(const std::vector<double> &values, int blocks, int min_block)
{
  if (blocks < 2 || min_block < 1 || values.size() < static_cast<std::size_t>(blocks * min_block))
    return {NaN, NaN, 0};
  const std::size_t per_block = values.size() / blocks;
  std::vector<double> means(blocks, 0.0);
  for (int b = 0; b < blocks; ++b) {
    for (std::size_t i = 0; i < per_block; ++i) means[b] += values[b * per_block + i];
    means[b] /= per_block;
  }
  return mean_with_error(means);
}

double student_t_975(double df)
{
  // Two-sided 95 % quantiles (any statistics table).
  static const double TABLE[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                 2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                 2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (!(df >= 1.0)) return NaN;
  if (df >= 30.0) {
    // Between df = 30 (2.042) and infinity (1.960), linear in 1/df.
    return 1.960 + (2.042 - 1.960) * 30.0 / df;
  }
  const int low = static_cast<int>(df);
  if (low == df) return TABLE[low - 1];
  const double t_low = TABLE[low - 1], t_high = TABLE[low];
  const double w = (1.0 / low - 1.0 / df) / (1.0 / low - 1.0 / (low + 1));
  return t_low + w * (t_high - t_low);
}

Difference difference(const Estimate &a, const Estimate &b)
{
  Difference d;
  if (!a.valid() || !b.valid()) {
    d.change.value = d.change.standard_error = d.t_statistic = NaN;
    return d;
  }
  d.valid = true;
  d.change.value = b.value - a.value;
  const double va = a.standard_error * a.standard_error, vb = b.standard_error * b.standard_error;
  d.change.standard_error = std::sqrt(va + vb);
  if (d.change.standard_error == 0.0) {
    // Two error-free numbers: equal or not, nothing random to test.
    d.t_statistic = d.change.value == 0.0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), d.change.value);
    d.degrees_of_freedom = a.samples + b.samples - 2;
  } else {
    d.t_statistic = d.change.value / d.change.standard_error;
    d.degrees_of_freedom = (va + vb) * (va + vb) / (va * va / (a.samples - 1) + vb * vb / (b.samples - 1));
  }
  d.critical_t = student_t_975(std::max(1.0, d.degrees_of_freedom));
  d.significant = std::fabs(d.t_statistic) > d.critical_t;
  return d;
}

}  // namespace core
}  // namespace exsolve
