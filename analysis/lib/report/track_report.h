// `exsolve-analyze track`: persistent particle IDs across frames with the rules of fix
// nanoparticle/track (core/particle_linker), events (birth, merge, split, death,
// exchange), unwrapped centre-of-mass trajectories, the time-averaged in-plane MSD and
// the diffusion coefficient with its uncertainty and the MSD exponent.
#pragma once

#include "io/analysis_config.h"
#include "report/run_info.h"

#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace report {

AnalysisSummary run_track(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                          const RunInfo &info, std::ostream &log);

}  // namespace report
}  // namespace exsolve
