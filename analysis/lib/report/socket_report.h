// `exsolve-analyze socket`: per frame and particle, socket depths against the local rim
// and the global surface, and the submerged fraction (core/socket_depth).
#pragma once

#include "io/analysis_config.h"
#include "report/run_info.h"

#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace report {

AnalysisSummary run_socket(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                           const RunInfo &info, std::ostream &log);

}  // namespace report
}  // namespace exsolve
