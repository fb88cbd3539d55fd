// The tables and sidecar of exsolve-analyze compare: comparison.csv (one row per condition,
// means and standard errors over its replicas), comparison_replicas.csv (one row per
// replica: what one run measured), comparison_differences.csv (one row per tested
// difference), and their JSON form for comparison.json.
#pragma once

#include "analyses/condition_comparison.h"
#include "analyses/condition_replicas.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

void write_comparison_tables(const std::vector<ConditionReplicas> &conditions,
                             const std::vector<ConditionComparison> &comparisons, const std::string &directory);

// comparison.json's "conditions": per condition its directory, replica count, every
// quantity as [mean, standard error] and "per_replica": each replica's directory and values.
nlohmann::json conditions_json(const std::vector<ConditionReplicas> &conditions);

// One entry of comparison.json's "differences": per tested quantity the change, its error,
// t, degrees of freedom, p-value, significance, error basis and the sampling estimates.
nlohmann::json differences_json(const ConditionComparison &comparison);

}  // namespace analyses
}  // namespace exsolve
