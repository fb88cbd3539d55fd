// How much more sampling would resolve a measured difference: replicas per condition (from
// the spread over replicas) or a longer run (from a run's own block errors). What compare
// tells a user to run on a cluster.
#pragma once

#include "core/estimate.h"
#include "statistics/welch_test.h"

namespace exsolve {
namespace statistics {

// The power the estimates aim at (two-sided level: significance_level).
inline constexpr double target_power = 0.8;

// Replicas per condition (the same number in both) for Welch's test at the two-sided level
// alpha = 0.05 to detect the difference b - a with power 0.8, taking the measured
// difference and spreads as the truth. With per-replica standard deviations
// s = standard_error * sqrt(samples), the smallest integer n >= 2 with
//   n >= (t_{1-alpha/2, df} + t_{power, df})^2 (s_a^2 + s_b^2) / (b - a)^2,
//   df = (s_a^2 + s_b^2)^2 (n - 1) / (s_a^4 + s_b^4)   (Welch-Satterthwaite for n and n),
// the usual normal-approximation formula with Student-t quantiles. NaN when either
// estimate has no error, the difference is 0, or both spreads are 0; infinity when the
// difference is too small against the spread for a finite number.
double replicas_needed(const core::Estimate &a, const core::Estimate &b);

// How many times longer each run would have to be for a test with one run per condition
// to reach power 0.8 at the measured difference, assuming each run's block standard error
// falls as 1 / sqrt(run length) with the number of blocks (and so the degrees of freedom)
// unchanged:
//   factor = ((t_{1-alpha/2, df} + t_{power, df}) * error / |change|)^2.
// NaN for an invalid test, a zero change or a zero error.
double run_length_factor(const WelchTest &test);

}  // namespace statistics
}  // namespace exsolve
