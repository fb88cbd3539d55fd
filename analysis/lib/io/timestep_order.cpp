#include "io/timestep_order.h"

#include <stdexcept>

namespace exsolve {
namespace io {

void TimestepCheck::check(std::int64_t timestep, const std::string &where)
{
  if (order_ == TimestepOrder::any) return;
  if (!previous_where_.empty()) {
    const std::int64_t interval = timestep - previous_;
    if (interval <= 0)
      throw std::runtime_error(where + " follows " + previous_where_ +
                               ": the selected frames must have increasing timesteps (give the dumps in time "
                               "order; split dumps that repeat frames, e.g. over a restart, and analyse the "
                               "parts separately)");
    if (order_ == TimestepOrder::evenly_spaced && interval_ > 0 && interval != interval_)
      throw std::runtime_error(where + " is " + std::to_string(interval) + " steps after " + previous_where_ +
                               ", the frames before it are " + std::to_string(interval_) +
                               " steps apart: the selected frames must be evenly spaced in time (lags are "
                               "counted in frames); select evenly spaced frames with frames: {every: N}, or "
                               "split the dumps where the interval changes and analyse the parts separately");
    interval_ = interval;
  }
  previous_ = timestep;
  previous_where_ = where;
}

}  // namespace io
}  // namespace exsolve
