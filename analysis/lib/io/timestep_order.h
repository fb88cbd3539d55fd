// The order of timesteps an analysis needs of the frames it reads, and the check that
// enforces it while they are read: dumps given out of order, a frame written twice over a
// restart, or a changed dump interval would otherwise give negative or wrong lags without
// a word.
#pragma once

#include <cstdint>
#include <string>

namespace exsolve {
namespace io {

enum class TimestepOrder {
  any,            // frames analysed independently (particles, bonds, socket)
  increasing,     // a time series, times taken per frame (coarsening)
  evenly_spaced,  // increasing by one fixed interval: lags count frames (track's MSD)
};

// Fed the selected frames one by one; throws std::runtime_error naming this frame and the
// one before it (`where`: "<dump>: frame <N in that dump> (step <T>)") when `order` is
// broken.
class TimestepCheck {
 public:
  explicit TimestepCheck(TimestepOrder order) : order_(order) {}

  void check(std::int64_t timestep, const std::string &where);

 private:
  TimestepOrder order_;
  std::int64_t previous_ = 0, interval_ = 0;
  std::string previous_where_;  // empty before the first frame
};

}  // namespace io
}  // namespace exsolve
