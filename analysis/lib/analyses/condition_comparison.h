// One comparison of exsolve-analyze compare, a condition against its baseline: Welch's
// test of the difference in every tested quantity, on the spread over replicas where both
// conditions have replicas, and how much more sampling would resolve it. No I/O.
#pragma once

#include "analyses/condition_replicas.h"
#include "statistics/welch_test.h"

#include <vector>

namespace exsolve {
namespace analyses {

// Where the errors of a test come from: the spread over replicas (both conditions have 2
// or more), each run's own block errors (one replica each), or one of each.
enum class ErrorBasis { replicas, within_run, mixed };
const char *basis_name(ErrorBasis basis);  // "replicas", "within_run", "mixed"

struct QuantityDifference {
  const Quantity *quantity = nullptr;
  ErrorBasis basis = ErrorBasis::replicas;
  statistics::WelchTest test;  // condition - baseline
  // statistics/sample_size: replicas per condition (basis replicas) or how many times
  // longer each run (basis within_run) for power 0.8; NaN otherwise or when not estimable.
  double replicas_needed, run_length_factor;
};

struct ConditionComparison {
  const ConditionReplicas *condition = nullptr, *baseline = nullptr;
  std::vector<QuantityDifference> differences;  // the tested quantities, in compared_quantities() order

  // The difference in the quantity with value column `column` (std::logic_error if untested).
  const QuantityDifference &of(const char *column) const;
};

ConditionComparison compare_conditions(const ConditionReplicas &condition, const ConditionReplicas &baseline);

}  // namespace analyses
}  // namespace exsolve
