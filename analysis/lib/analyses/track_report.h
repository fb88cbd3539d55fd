// `exsolve-analyze track`: persistent particle IDs across frames by the tracker of fix
// nanoparticle/track (core/particle_tracker), events (birth, merge, split, death,
// exchange), unwrapped centre-of-mass trajectories, the time-averaged in-plane MSD and
// the diffusion coefficient with its uncertainty and the MSD exponent.
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

// Writes track.csv and events.csv and, at its finish, msd.csv and track.json to
// config.output (which must exist). Throws io::ConfigError without timestep. `config`,
// `dumps` and `info` must outlive it.
std::unique_ptr<FrameAnalysis> track_analysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                              const RunInfo &info);

// The analysis alone over the dumps (frames selected by the configuration).
AnalysisSummary run_track(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                          std::ostream &log);

}  // namespace analyses
}  // namespace exsolve
