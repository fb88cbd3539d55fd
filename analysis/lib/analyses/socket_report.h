// `exsolve-analyze socket`: per frame and particle, socket depths against the local rim
// and the global surface, and the submerged fraction (core/socket_depth).
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

// Writes socket.csv and, at its finish, socket.json to config.output (which must exist).
// Throws io::ConfigError without support_types. `config`, `dumps` and `info` must outlive it.
std::unique_ptr<FrameAnalysis> socket_analysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                               const RunInfo &info);

// The analysis alone over the dumps (frames selected by the configuration).
AnalysisSummary run_socket(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                           std::ostream &log);

}  // namespace analyses
}  // namespace exsolve
