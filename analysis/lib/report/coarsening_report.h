// `exsolve-analyze coarsening`: mean particle radius and number density against time, and
// fits of r^n - r0^n = K t for n = 2, 3, 4 with R^2 and the best n (core/growth_law).
#pragma once

#include "io/analysis_config.h"
#include "report/run_info.h"

#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace report {

AnalysisSummary run_coarsening(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               const RunInfo &info, std::ostream &log);

}  // namespace report
}  // namespace exsolve
