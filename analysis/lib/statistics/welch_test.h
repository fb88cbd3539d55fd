// Welch's t-test between two estimates (mean, standard error, number of independent
// samples): compare's test of a difference between two conditions, on the spread over
// replicas or, with one replica, on a run's own block errors.
#pragma once

#include "core/estimate.h"

namespace exsolve {
namespace statistics {

// The two-sided level compare judges differences at.
inline constexpr double significance_level = 0.05;

struct WelchTest {
  core::Estimate change;  // b - a, error sqrt(se_a^2 + se_b^2)
  double t_statistic = 0.0;
  double degrees_of_freedom = 0.0;  // Welch-Satterthwaite
  double p_value = 0.0;             // two-sided
  bool valid = false;               // both estimates have an error (2 or more samples, finite)
  bool significant = false;         // p < significance_level
};

// b - a with t = change / error, Welch-Satterthwaite degrees of freedom
//   df = (va + vb)^2 / (va^2 / (na - 1) + vb^2 / (nb - 1)),  v = standard_error^2,
// and the two-sided p-value of t from Student's t with df degrees of freedom. Two
// error-free estimates: t is 0 (equal) or infinite, and p 1 or 0. Invalid (NaN numbers)
// when either estimate has no error.
WelchTest welch_test(const core::Estimate &a, const core::Estimate &b);

}  // namespace statistics
}  // namespace exsolve
