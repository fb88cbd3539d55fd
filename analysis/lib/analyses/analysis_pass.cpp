#include "analyses/analysis_pass.h"

#include "pipeline/frame_loop.h"

#include <algorithm>
#include <utility>

namespace exsolve {
namespace analyses {

AnalysisSummary run_in_one_pass(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                std::ostream &log, const std::vector<std::unique_ptr<FrameAnalysis>> &analyses)
{
  // TimestepOrder's values go from the weakest requirement to the strictest.
  io::TimestepOrder order = io::TimestepOrder::any;
  bool weigh_by_mass = false;
  for (const auto &analysis : analyses) {
    order = std::max(order, analysis->timestep_order());
    weigh_by_mass = weigh_by_mass || analysis->weighs_by_mass();
  }
  const io::FramesRead frames = pipeline::for_each_frame_then_in_order(
      config, dumps, log,
      [&](long index, const io::Frame &frame, const core::PeriodicBox &box) -> pipeline::InFrameOrder {
        const pipeline::FrameCensus found = pipeline::take_frame_census(frame, box, config, weigh_by_mass);
        std::vector<pipeline::InFrameOrder> rest;
        for (const auto &analysis : analyses) rest.push_back(analysis->analyse(index, frame, box, found));
        return [rest = std::move(rest)]() {
          for (const pipeline::InFrameOrder &part : rest) part();
        };
      },
      order);
  for (const auto &analysis : analyses) analysis->finish(frames);
  AnalysisSummary summary;
  summary.frames_analysed = frames.frames_selected;
  summary.warnings = frames.warnings;
  return summary;
}

AnalysisSummary run_alone(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
                          std::unique_ptr<FrameAnalysis> analysis)
{
  std::vector<std::unique_ptr<FrameAnalysis>> analyses;
  analyses.push_back(std::move(analysis));
  return run_in_one_pass(config, dumps, log, analyses);
}

}  // namespace analyses
}  // namespace exsolve
