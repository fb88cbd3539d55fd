// `exsolve-analyze report`: every analysis the configuration allows (particles always;
// bonds with oxygen_types + bond_cutoff or bond_cutoffs; socket with support_types; track
// and coarsening with timestep) into one directory, the plots drawn by gnuplot as SVG from
// the CSV tables (the .gp scripts are kept beside them), and report.html: one self-contained
// page with the plots inline, the key numbers, and links to every table.
#pragma once

#include "analyses/run_info.h"
#include "io/analysis_config.h"

#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

AnalysisSummary run_report(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                           std::ostream &log);

}  // namespace analyses
}  // namespace exsolve
