// `exsolve-analyze bonds`: per frame and particle, the metal–oxygen bonds at the interface
// with the same rule as compute interface/bonds (r < the cutoff of the type pair, each
// pair once per metal atom): bonds, interface atoms (>= 1 bond), bonds per interface atom;
// plus per-frame totals. Tidy CSV with units in the column names and a JSON sidecar.
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

// Writes bonds.csv, bonds_frames.csv, bonds_annotated.dump (if config.annotated_dump) and,
// at its finish, bonds.json to config.output (which must exist). Throws io::ConfigError without oxygen_types or a
// bond cutoff. `config`, `dumps` and `info` must outlive it.
std::unique_ptr<FrameAnalysis> bonds_analysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                              const RunInfo &info);

// The analysis alone over the dumps (frames selected by the configuration).
AnalysisSummary run_bonds(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                          std::ostream &log);

}  // namespace analyses
}  // namespace exsolve
