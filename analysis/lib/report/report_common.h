// What every exsolve-analyze report shares: the particle settings taken from the
// configuration and the JSON sidecar's provenance and closing fields.
#pragma once

#include "core/particle_census.h"
#include "io/analysis_config.h"
#include "report/frame_loop.h"
#include "report/run_info.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace exsolve {
namespace report {

core::CensusOptions census_options(const io::AnalysisConfig &config);

// {"tool", "version", "command", "inputs"} of a sidecar.
nlohmann::json sidecar_header(const std::string &tool, const RunInfo &info, const std::vector<std::string> &dumps);

// Adds the tables, frames analysed and warnings, writes `path`, and returns the summary.
AnalysisSummary finish_sidecar(nlohmann::json &sidecar, const std::vector<std::string> &tables,
                               const FrameLoopResult &loop, const std::string &path);

}  // namespace report
}  // namespace exsolve
