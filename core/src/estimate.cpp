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
  if (blocks < 2 || min_block < 1 || values.size() < static_cast<std::size_t>(blocks * min_block)) return {NaN, NaN, 0};
  const std::size_t per_block = values.size() / blocks;
  std::vector<double> means(blocks, 0.0);
  for (int b = 0; b < blocks; ++b) {
    for (std::size_t i = 0; i < per_block; ++i) means[b] += values[b * per_block + i];
    means[b] /= per_block;
  }
  return mean_with_error(means);
}

}  // namespace core
}  // namespace exsolve
