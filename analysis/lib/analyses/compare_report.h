// `exsolve-analyze compare`: conditions of one study side by side — the demo's question,
// answered with numbers. Each condition is a run directory holding the files the demo input
// writes (series.txt from fix ave/time, events.txt from fix nanoparticle/track, nve.txt) and
// report/ from `exsolve-analyze report` on its dump, or a directory of such runs as
// replicas (replica-1, replica-2, ...: io/replica_directories). Comparisons are (condition,
// baseline) pairs; none given: every condition against the first.
// Writes comparison.csv, comparison_replicas.csv, comparison_differences.csv,
// comparison.json, each run's series and MSD tables, the plots, and comparison.html.
#pragma once

#include "analyses/run_info.h"

#include <string>
#include <utility>
#include <vector>

namespace exsolve {
namespace analyses {

struct Condition {
  std::string name;  // e.g. "reducing"
  std::string directory;
};

// Returns the answer, one plain-text sentence per condition after the baseline. Throws
// std::runtime_error naming the condition and file for anything missing or malformed.
std::vector<std::string> run_compare(const std::vector<Condition> &conditions,
                                     const std::vector<std::pair<std::string, std::string>> &comparisons,
                                     const std::string &output_directory, const RunInfo &info);

}  // namespace analyses
}  // namespace exsolve
