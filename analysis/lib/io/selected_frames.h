// The frames an analysis reads: every dump in order, the frames the configuration selects
// (first, last, every), a truncated last frame skipped with a warning. Selecting no frame
// at all is an error, and so are timesteps out of the order an analysis needs. This is
// the only place the analyses open their dumps; pipeline/frame_loop runs the analyses
// over what it hands on.
#pragma once

#include "io/analysis_config.h"
#include "io/frame.h"
#include "io/timestep_order.h"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace io {

struct FramesRead {
  int frames_selected = 0;            // frames handed on
  std::vector<std::string> warnings;  // e.g. a truncated last frame that was skipped
};

// Calls take(index over all dumps, frame, where) for every selected frame, `where` naming
// it for errors: "<dump>: frame <N in that dump> (step <T>)". `take` may move the frame
// away. Throws DumpError on malformed input (the warning for a truncated last frame also
// goes to `log`), std::runtime_error when no frame is selected or timesteps break `order`.
// On a terminal, shows "frame N (step T)" on `log`.
FramesRead read_selected_frames(const AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
                                TimestepOrder order,
                                const std::function<void(long, Frame &, const std::string &)> &take);

}  // namespace io
}  // namespace exsolve
