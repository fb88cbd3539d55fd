// `exsolve-analyze coarsening`: mean particle radius and number density against time, and
// fits of r^n - r0^n = K t for n = 2, 3, 4 with R^2 and the best n (core/growth_law).
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

// Writes coarsening.csv and, at its finish, the fits (coarsening_fits.csv) and
// coarsening.json to config.output (which must exist). Throws io::ConfigError without
// timestep. `config`, `dumps` and `info` must outlive it.
// Its warning (too few frames for a fit) goes to `log`.
std::unique_ptr<FrameAnalysis> coarsening_analysis(const io::AnalysisConfig &config,
                                                   const std::vector<std::string> &dumps, const RunInfo &info,
                                                   std::ostream &log);

// The analysis alone over the dumps (frames selected by the configuration).
AnalysisSummary run_coarsening(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               const RunInfo &info, std::ostream &log);

}  // namespace analyses
}  // namespace exsolve
