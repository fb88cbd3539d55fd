#include "core/estimate.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace exsolve {
namespace core {

Estimate block_average(const std::vector<double> &values, int blocks)
{
  if (blocks < 2 || static_cast<int>(values.size()) < blocks)
    throw std::invalid_argument("block_average: need at least as many values as blocks (>= 2)");
  const size_t per_block = values.size() / blocks;
  std::vector<double> means(blocks, 0.0);
  for (int b = 0; b < blocks; ++b) {
    for (size_t i = 0; i < per_block; ++i) means[b] += values[b * per_block + i];
    means[b] /= per_block;
  }
  double mean = 0.0;
  for (double m : means) mean += m;
  mean /= blocks;
  double variance = 0.0;
  for (double m : means) variance += (m - mean) * (m - mean);
  variance /= blocks - 1;
  return {mean, std::sqrt(variance / blocks)};
}

Difference difference(const Estimate &a, const Estimate &b)
{
  Difference d;
  d.change.value = b.value - a.value;
  d.change.standard_error = std::hypot(a.standard_error, b.standard_error);
  if (d.change.standard_error > 0.0)
    d.z_score = d.change.value / d.change.standard_error;
  else
    d.z_score = d.change.value == 0.0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), d.change.value);
  return d;
}

}  // namespace core
}  // namespace exsolve
