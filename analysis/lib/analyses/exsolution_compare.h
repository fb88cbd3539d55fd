// `exsolve-analyze compare` on the exsolution study (inputs/exsolution/study.sh): host
// conditions (e.g. stoichiometric and A-site deficient), each one run or replicas, side by
// side — nickel at the surface, reduced, in particles, particles and when the first
// appeared — with Welch's test of each difference over replicas and the replicas that would
// resolve it. compare chooses it when every condition's runs are exsolution runs
// (analyses/exsolution_numbers.h). Writes exsolution_comparison.csv,
// exsolution_replicas.csv, exsolution_differences.csv, each run's Ni(0) series,
// comparison.json and comparison.html.
#pragma once

#include "analyses/compare_report.h"
#include "analyses/run_info.h"

#include <string>
#include <utility>
#include <vector>

namespace exsolve {
namespace analyses {

// True if the condition's first run is an exsolution run (false: a demo run).
bool is_exsolution_condition(const Condition &condition);

// The answer, one plain sentence per tested quantity and comparison. Throws
// std::runtime_error naming the condition, replica and file for anything missing.
std::vector<std::string> run_exsolution_compare(const std::vector<Condition> &conditions,
                                                const std::vector<std::pair<std::string, std::string>> &comparisons,
                                                const std::string &output_directory, const RunInfo &info);

}  // namespace analyses
}  // namespace exsolve
