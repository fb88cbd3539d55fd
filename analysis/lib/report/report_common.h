// What every exsolve-analyze analysis shares: the particle settings taken from the
// configuration, the atoms of given types, and the JSON sidecar's provenance and closing
// fields.
#pragma once

#include "core/particle_census.h"
#include "io/analysis_config.h"
#include "io/frame.h"
#include "io/selected_frames.h"
#include "report/run_info.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace exsolve {
namespace report {

core::CensusOptions census_options(const io::AnalysisConfig &config);

// Per atom: 1 if its type is in `types`.
std::vector<char> atoms_of_types(const io::Frame &frame, const std::vector<int> &types);

// {"tool", "version", "command", "inputs"} of a sidecar.
nlohmann::json sidecar_header(const std::string &tool, const RunInfo &info, const std::vector<std::string> &dumps);

// Adds the tables, frames analysed and warnings, writes `path`, and returns the summary.
AnalysisSummary finish_sidecar(nlohmann::json &sidecar, const std::vector<std::string> &tables,
                               const io::FramesRead &frames, const std::string &path);

}  // namespace report
}  // namespace exsolve
