// `exsolve-analyze segregation`: per frame, the profiles of dopants, lattice metal and
// oxygen vacancies against the depth below the surface of a doped perovskite slab, and the
// exsolved metal split into lattice, adatoms and particles with the particles' number and
// sizes (segregation_profile).
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

// Writes segregation.csv, segregation_frames.csv and, at its finish, segregation.json to
// config.output (which must exist). Throws io::ConfigError without dopant_types,
// site_types, oxygen_types or lattice_spacing. `config`, `dumps` and `info` must outlive it.
std::unique_ptr<FrameAnalysis> segregation_analysis(const io::AnalysisConfig &config,
                                                    const std::vector<std::string> &dumps, const RunInfo &info);

// The analysis alone over the dumps (frames selected by the configuration).
AnalysisSummary run_segregation(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                const RunInfo &info, std::ostream &log);

}  // namespace analyses
}  // namespace exsolve
