// A condition of exsolve-analyze compare as its replicas: every replica run measured
// (condition_numbers), and each quantity compare reports as one estimate for the condition
// — mean and standard error over the replicas, or, with one replica, that run's value
// with its own within-run error where it has one.
#pragma once

#include "analyses/condition_numbers.h"
#include "core/estimate.h"

#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

// A quantity measured per run, by the comparison table's column names.
struct Quantity {
  const char *column, *error_column;
  double (*of_run)(const ConditionNumbers &);
  // The error one run gives on its own (block averages); nullptr where a run has none.
  core::Estimate (*within_run)(const ConditionNumbers &);
  bool tested;  // conditions are compared on it (Welch's test)
};

// Every quantity compare measures per run (the tested ones first; the tables put their
// columns in their own order).
const std::vector<Quantity> &compared_quantities();

struct ConditionReplicas {
  std::string name, directory;
  std::vector<std::string> replica_directories;  // replica-1 ... or the directory itself
  std::vector<ConditionNumbers> runs;            // one per replica, in the same order

  // Two or more replicas: the errors are the spread over replicas.
  bool has_replicas() const { return runs.size() >= 2; }
  // Mean over the replicas with the standard error of the mean (invalid when a replica
  // has no finite value); one replica: its value with its within-run error (invalid
  // error where the quantity has none).
  core::Estimate estimate(const Quantity &quantity) const;
};

// Measures every replica of the condition in `directory` (io/replica_directories).
// Throws std::runtime_error naming the replica directory and the file for anything
// missing or malformed.
ConditionReplicas measure_replicas(const std::string &name, const std::string &directory);

}  // namespace analyses
}  // namespace exsolve
