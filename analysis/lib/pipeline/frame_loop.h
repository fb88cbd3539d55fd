// Runs an analysis over the frames io::read_selected_frames reads: one frame after the
// other, or several at once in threads with the results handed back in frame order.
// Its own folder, between io/ and the analyses: its job is scheduling (threads, output
// order) and turning a dump frame into what the core algorithms take (an orthogonal box;
// their errors named with the frame), not reading a file format (io/) nor formatting
// results (report/).
#pragma once

#include "core/periodic_box.h"
#include "io/analysis_config.h"
#include "io/frame.h"
#include "io/selected_frames.h"
#include "io/timestep_order.h"

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace pipeline {

// Calls visit(frame index, frame, box) for every selected frame. Throws what
// io::read_selected_frames throws, on triclinic boxes (not supported by the analyses yet),
// and, naming the dump and frame, on what visit throws as std::invalid_argument (the core
// algorithms' "cannot analyse this frame").
io::FramesRead for_each_frame(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                              std::ostream &log,
                              const std::function<void(long, const io::Frame &, const core::OrthogonalBox &)> &visit,
                              io::TimestepOrder order = io::TimestepOrder::any);

// For analyses with a sequential part (e.g. linking identities to the previous frame):
// work(index, frame, box) runs on up to config.threads frames at a time (in separate
// threads, each with its own copy of the frame) and returns what is left to do for that
// frame, which runs on the calling thread strictly in frame order. Errors are those of
// for_each_frame, and the same ones for any thread count: the earliest frame's error wins,
// whether it came from reading, from work or from the in-order part. Memory: `threads`
// frames, plus what work returns for them. The one ordered parallel loop of the tools.
using InFrameOrder = std::function<void()>;
io::FramesRead for_each_frame_then_in_order(
    const io::AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
    const std::function<InFrameOrder(long, const io::Frame &, const core::OrthogonalBox &)> &work,
    io::TimestepOrder order = io::TimestepOrder::any);

// What the analysis of one frame produces: text rows per output table, and numbers for
// whole-run results (e.g. a time series to fit).
struct FrameOutput {
  std::vector<std::string> rows;
  std::vector<double> values;
};

// For analyses whose frames are independent (for_each_frame_then_in_order with emit as the
// in-order part): emit(index, timestep, output) runs on the calling thread in frame order,
// so the tables are identical for any thread count. Memory: `threads` frames.
io::FramesRead for_each_frame_parallel(
    const io::AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
    const std::function<FrameOutput(long, const io::Frame &, const core::OrthogonalBox &)> &work,
    const std::function<void(long, std::int64_t, FrameOutput &)> &emit,
    io::TimestepOrder order = io::TimestepOrder::any);

}  // namespace pipeline
}  // namespace exsolve
