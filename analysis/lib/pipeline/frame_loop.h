// Runs an analysis over the frames io::read_selected_frames reads: one frame after the
// other, or several at once in threads with the results handed back in frame order.
// Its own folder, between io/ and the analyses: its job is scheduling (threads, output
// order) and turning a dump frame into what the core algorithms take (a periodic box;
// their errors named with the frame), not reading a file format (io/) nor computing and
// writing results (analyses/).
#pragma once

#include "core/periodic_box.h"
#include "io/analysis_config.h"
#include "io/frame.h"
#include "io/selected_frames.h"
#include "io/timestep_order.h"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace pipeline {

// Calls work(index, frame, box) for every selected frame, on up to config.threads frames at
// a time (in separate threads, each with its own copy of the frame); it returns what is
// left to do for that frame (writing rows, linking identities to the previous frame),
// which runs on the calling thread strictly in frame order. Throws what
// io::read_selected_frames throws, on a tilted cell with no face normal to surface_axis,
// and, naming the dump and frame, on what work or the in-order part throw as
// std::invalid_argument (the core algorithms' "cannot analyse this frame"); the same errors
// for any thread count: the earliest frame's error wins, whether it came from reading,
// from work or from the in-order part. Memory: `threads` frames, plus what work returns
// for them. The one frame loop of the tools.
using InFrameOrder = std::function<void()>;
io::FramesRead for_each_frame_then_in_order(
    const io::AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
    const std::function<InFrameOrder(long, const io::Frame &, const core::PeriodicBox &)> &work,
    io::TimestepOrder order = io::TimestepOrder::any);

}  // namespace pipeline
}  // namespace exsolve
