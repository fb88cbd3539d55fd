// Runs analyses over the selected frames in one pass: each frame is read and decoded once,
// its particle census taken once, and every analysis is handed both (frames on
// config.threads threads, the analyses' in-order parts in frame order).
#pragma once

#include "analyses/frame_analysis.h"
#include "analyses/run_info.h"
#include "io/analysis_config.h"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

// The frames are checked against the strictest timestep order any analysis needs. After
// the last frame, finishes the analyses in the order given. Errors are those of
// pipeline::for_each_frame_then_in_order.
AnalysisSummary run_in_one_pass(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                std::ostream &log, const std::vector<std::unique_ptr<FrameAnalysis>> &analyses);
// One analysis on its own (a subcommand): run_in_one_pass with that analysis alone.
AnalysisSummary run_alone(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
                          std::unique_ptr<FrameAnalysis> analysis);

}  // namespace analyses
}  // namespace exsolve
