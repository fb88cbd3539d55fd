#include "core/running_block_mean.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace core {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

RunningBlockMean::RunningBlockMean(int per_block) : per_block_(per_block)
{
  if (per_block < 1) throw std::invalid_argument("a block needs at least 1 value, not " + std::to_string(per_block));
}

void RunningBlockMean::add(double value)
{
  ++samples_;
  sum_ += value;
  block_sum_ += value;
  if (++block_count_ < per_block_) return;
  const double mean = block_sum_ / per_block_;
  ++blocks_;
  const double delta = mean - block_mean_;
  block_mean_ += delta / blocks_;
  block_squares_ += delta * (mean - block_mean_);
  block_sum_ = 0.0;
  block_count_ = 0;
}

Estimate RunningBlockMean::estimate() const
{
  Estimate e;
  e.samples = blocks_;
  e.value = samples_ > 0 ? sum_ / samples_ : NaN;
  e.standard_error = blocks_ >= 2 ? std::sqrt(block_squares_ / (blocks_ - 1) / blocks_) : NaN;
  return e;
}

std::vector<double> RunningBlockMean::state() const
{
  return {static_cast<double>(per_block_),   static_cast<double>(samples_), sum_,        block_sum_,
          static_cast<double>(block_count_), static_cast<double>(blocks_),  block_mean_, block_squares_};
}

RunningBlockMean RunningBlockMean::from_state(const double *state)
{
  RunningBlockMean r(static_cast<int>(state[0]));
  r.samples_ = static_cast<int>(state[1]);
  r.sum_ = state[2];
  r.block_sum_ = state[3];
  r.block_count_ = static_cast<int>(state[4]);
  r.blocks_ = static_cast<int>(state[5]);
  r.block_mean_ = state[6];
  r.block_squares_ = state[7];
  if (r.block_count_ < 0 || r.block_count_ >= r.per_block_ || r.blocks_ < 0 ||
      r.samples_ != r.blocks_ * r.per_block_ + r.block_count_)
    throw std::invalid_argument("inconsistent running block mean state");
  return r;
}

}  // namespace core
}  // namespace exsolve
