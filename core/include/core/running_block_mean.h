// The mean of a time series that arrives one value at a time, with the block-average
// standard error of core::block_average (fixed blocks of `per_block` consecutive values
// instead of a fixed number of blocks, since the series' length is not known while it
// grows). Used where only the running state can be kept: compute
// particle/chemical_potential's per-particle time averages, which restart files carry.
#pragma once

#include "core/estimate.h"

#include <vector>

namespace exsolve {
namespace core {

class RunningBlockMean {
 public:
  explicit RunningBlockMean(int per_block);
  void add(double value);
  int samples() const { return samples_; }
  int complete_blocks() const { return blocks_; }
  // value: the mean of every value added (NaN before the first); standard_error: from the
  // spread of the complete blocks' means (NaN before the second block is complete; a
  // partial last block does not enter it); samples: the complete blocks.
  Estimate estimate() const;
  // The whole state as STATE_SIZE numbers (for restart files) and back; from_state throws
  // std::invalid_argument on inconsistent counts.
  std::vector<double> state() const;
  static constexpr int STATE_SIZE = 8;
  static RunningBlockMean from_state(const double *state);

 private:
  int per_block_;
  int samples_ = 0;
  double sum_ = 0.0;
  double block_sum_ = 0.0;
  int block_count_ = 0;
  // Welford's running mean and sum of squared deviations of the complete blocks' means.
  int blocks_ = 0;
  double block_mean_ = 0.0, block_squares_ = 0.0;
};

}  // namespace core
}  // namespace exsolve
