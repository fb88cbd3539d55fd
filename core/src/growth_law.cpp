#include "core/growth_law.h"

#include <cmath>
#include <stdexcept>

namespace exsolve {
namespace core {

std::vector<GrowthFit> fit_growth_laws(const std::vector<double> &times, const std::vector<double> &radii,
                                       const std::vector<int> &exponents)
{
  if (times.size() != radii.size()) throw std::invalid_argument("fit_growth_laws: times and radii differ in length");
  if (times.size() < 3) throw std::invalid_argument("fit_growth_laws: at least 3 frames are needed");
  const double n_points = static_cast<double>(times.size());
  std::vector<GrowthFit> fits;
  for (int n : exponents) {
    double st = 0, sy = 0, stt = 0, sty = 0;
    std::vector<double> y(radii.size());
    for (std::size_t k = 0; k < radii.size(); ++k) {
      y[k] = std::pow(radii[k], n);
      st += times[k];
      sy += y[k];
      stt += times[k] * times[k];
      sty += times[k] * y[k];
    }
    const double denominator = n_points * stt - st * st;
    if (denominator <= 0.0) throw std::invalid_argument("fit_growth_laws: all frames at the same time");
    GrowthFit fit;
    fit.exponent = n;
    fit.rate = (n_points * sty - st * sy) / denominator;
    const double intercept = (sy - fit.rate * st) / n_points;
    fit.initial = intercept > 0.0 ? std::pow(intercept, 1.0 / n) : 0.0;
    const double mean = sy / n_points;
    double total = 0.0, residual = 0.0;
    for (std::size_t k = 0; k < y.size(); ++k) {
      total += (y[k] - mean) * (y[k] - mean);
      residual += std::pow(y[k] - (intercept + fit.rate * times[k]), 2);
    }
    fit.r_squared = total > 0.0 ? 1.0 - residual / total : 0.0;
    fits.push_back(fit);
  }
  return fits;
}

int best_exponent(const std::vector<GrowthFit> &fits)
{
  int best = 0;
  double best_r2 = -1e300;
  for (const GrowthFit &f : fits)
    if (f.r_squared > best_r2) {
      best_r2 = f.r_squared;
      best = f.exponent;
    }
  return best;
}

}  // namespace core
}  // namespace exsolve
