// `exsolve-analyze particles`: per frame, the particles (size, equivalent diameter, centre
// of mass, radius of gyration, height), the free atoms and the particle number density
// per surface area, and the size distribution; written as tidy CSV tables with units in
// the column names, plus a JSON sidecar with provenance.
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

// Writes particles.csv, frames.csv, size_distribution.csv and, at its finish,
// particles.json to config.output (which must exist). `config`, `dumps` and `info` must
// outlive it.
std::unique_ptr<FrameAnalysis> particles_analysis(const io::AnalysisConfig &config,
                                                  const std::vector<std::string> &dumps, const RunInfo &info);

// The analysis alone over the dumps (frames selected by the configuration). Warnings also
// go to `log`.
AnalysisSummary run_particles(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                              const RunInfo &info, std::ostream &log);

}  // namespace analyses
}  // namespace exsolve
