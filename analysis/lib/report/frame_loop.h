// The frames an analysis reads: every dump in order, the frames the configuration selects
// (first, last, every), a truncated last frame skipped with a warning. Selecting no frame
// at all is an error, and so are timesteps out of the order an analysis needs.
#pragma once

#include "core/periodic_box.h"
#include "io/analysis_config.h"
#include "io/frame.h"

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace report {

struct FrameLoopResult {
  int frames_analysed = 0;
  std::vector<std::string> warnings;
};

// What an analysis needs of the timesteps of the selected frames.
enum class TimestepOrder {
  any,            // frames analysed independently (particles, bonds, socket)
  increasing,     // a time series, times taken per frame (coarsening)
  evenly_spaced,  // increasing by one fixed interval: lags count frames (track's MSD)
};

// Calls visit(frame index, frame, box) for every selected frame. Throws on malformed input
// (io::DumpError), on triclinic boxes (not supported by the analyses yet), when no frame is
// selected, on timesteps out of `order`, and, naming the dump and frame, on what visit
// throws as std::invalid_argument (the core algorithms' "cannot analyse this frame").
FrameLoopResult for_each_frame(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               std::ostream &log,
                               const std::function<void(long, const io::Frame &, const core::OrthogonalBox &)> &visit,
                               TimestepOrder order = TimestepOrder::any);

// What the analysis of one frame produces: text rows per output table, and numbers for
// whole-run results (e.g. a time series to fit).
struct FrameOutput {
  std::vector<std::string> rows;
  std::vector<double> values;
};

// As for_each_frame, for analyses whose frames are independent: work(index, frame, box)
// runs on up to config.threads frames at a time (in separate threads, each with its own
// copy of the frame), emit(index, timestep, output) runs on the calling thread in frame
// order, so the tables are identical for any thread count. Memory: `threads` frames.
FrameLoopResult for_each_frame_parallel(
    const io::AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
    const std::function<FrameOutput(long, const io::Frame &, const core::OrthogonalBox &)> &work,
    const std::function<void(long, std::int64_t, FrameOutput &)> &emit, TimestepOrder order = TimestepOrder::any);

// Per atom: 1 if its type is in `types`.
std::vector<char> atoms_of_types(const io::Frame &frame, const std::vector<int> &types);

}  // namespace report
}  // namespace exsolve
