#include "core/diffusion_fit.h"

#include "core/estimate.h"

#include <algorithm>
#include <cmath>

namespace exsolve {
namespace core {

std::vector<MsdPoint> mean_squared_displacement(const std::vector<std::vector<Vec3>> &trajectories,
                                                double frame_interval, int a, int b)
{
  std::size_t longest = 0;
  for (const auto &t : trajectories) longest = std::max(longest, t.size());
  std::vector<MsdPoint> msd;
  for (std::size_t lag = 1; lag < longest; ++lag) {
    double sum = 0.0;
    long samples = 0;
    for (const auto &t : trajectories)
      for (std::size_t origin = 0; origin + lag < t.size(); ++origin) {
        const double da = t[origin + lag][a] - t[origin][a];
        const double db = t[origin + lag][b] - t[origin][b];
        sum += da * da + db * db;
        ++samples;
      }
    if (samples > 0) msd.push_back({lag * frame_interval, sum / samples, samples});
  }
  return msd;
}

DiffusionFit fit_diffusion(const std::vector<MsdPoint> &msd)
{
  DiffusionFit fit;
  const std::size_t n = std::min(msd.size(), std::max<std::size_t>(msd.size() / 4, 2));
  if (n < 2) return fit;
  // Least squares for the line MSD = slope lag + intercept.
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t k = 0; k < n; ++k) {
    sx += msd[k].lag;
    sy += msd[k].msd;
    sxx += msd[k].lag * msd[k].lag;
    sxy += msd[k].lag * msd[k].msd;
  }
  const double denominator = n * sxx - sx * sx;
  const double slope = (n * sxy - sx * sy) / denominator;
  const double intercept = (sy - slope * sx) / n;
  double residual = 0.0;
  for (std::size_t k = 0; k < n; ++k) residual += std::pow(msd[k].msd - (slope * msd[k].lag + intercept), 2);
  const double slope_error = n > 2 ? std::sqrt(residual / (n - 2) * n / denominator) : 0.0;
  fit.diffusion = slope / 4.0;
  fit.diffusion_uncertainty = slope_error / 4.0;
  fit.points = static_cast<int>(n);

  double lx = 0, ly = 0, lxx = 0, lxy = 0;
  int m = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (msd[k].msd <= 0.0) continue;
    const double x = std::log(msd[k].lag), y = std::log(msd[k].msd);
    lx += x;
    ly += y;
    lxx += x * x;
    lxy += x * y;
    ++m;
  }
  if (m >= 2 && m * lxx - lx * lx > 0.0) fit.exponent = (m * lxy - lx * ly) / (m * lxx - lx * lx);
  return fit;
}

BlockDiffusion block_diffusion(const std::vector<std::vector<Vec3>> &trajectories, double frame_interval, int a, int b,
                               int blocks, int min_frames)
{
  std::vector<double> per_segment;
  for (const auto &t : trajectories) {
    const std::size_t length = t.size() / blocks;
    if (length < static_cast<std::size_t>(std::max(min_frames, 3))) continue;
    for (int block = 0; block < blocks; ++block) {
      const std::vector<std::vector<Vec3>> segment{
          std::vector<Vec3>(t.begin() + block * length, t.begin() + (block + 1) * length)};
      per_segment.push_back(fit_diffusion(mean_squared_displacement(segment, frame_interval, a, b)).diffusion);
    }
  }
  const Estimate mean = mean_with_error(per_segment);
  BlockDiffusion result;
  result.segments = static_cast<int>(per_segment.size());
  result.diffusion = mean.value;
  result.standard_error = mean.standard_error;
  return result;
}

}  // namespace core
}  // namespace exsolve
