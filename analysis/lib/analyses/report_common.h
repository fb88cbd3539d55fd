// What every exsolve-analyze analysis shares: the JSON sidecar's provenance and closing
// fields.
#pragma once

#include "analyses/run_info.h"
#include "io/selected_frames.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

// {"tool", "version", "command", "inputs"} of a sidecar.
nlohmann::json sidecar_header(const std::string &tool, const RunInfo &info, const std::vector<std::string> &dumps);

// Adds the tables, frames analysed and warnings, and writes `path`.
void finish_sidecar(nlohmann::json &sidecar, const std::vector<std::string> &tables, const io::FramesRead &frames,
                    const std::string &path);

}  // namespace analyses
}  // namespace exsolve
