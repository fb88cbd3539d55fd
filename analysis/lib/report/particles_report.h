// `exsolve-analyze particles`: per frame, the particles (size, equivalent diameter, centre
// of mass, radius of gyration, height), the free atoms and the particle number density
// per surface area, and the size distribution; written as tidy CSV tables with units in
// the column names, plus a JSON sidecar with provenance.
#pragma once

#include "io/analysis_config.h"

#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace report {

struct RunInfo {
  std::string tool_version;
  std::string command_line;
};

struct ParticlesSummary {
  int frames_analysed = 0;
  std::vector<std::string> warnings;  // e.g. a truncated last frame that was skipped
};

// Reads the dumps in order (frames selected by the configuration), writes
// particles.csv, frames.csv, size_distribution.csv and particles.json to
// config.output (which must exist). Warnings also go to `log`.
ParticlesSummary run_particles(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               const RunInfo &info, std::ostream &log);

}  // namespace report
}  // namespace exsolve
