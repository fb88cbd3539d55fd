// Student's t distribution: the p-values and quantiles of compare's Welch tests and of its
// sample-size estimate. Pure functions, no I/O.
#pragma once

namespace exsolve {
namespace statistics {

// P(T <= t) for Student's t with `df` > 0 degrees of freedom (df need not be an integer:
// Welch-Satterthwaite degrees of freedom are not). NaN for df <= 0 or a NaN argument.
double student_t_cdf(double t, double df);

// P(|T| >= |t|): the two-sided p-value of a t statistic.
double student_t_two_sided_p(double t, double df);

// The t with P(T <= t) = probability (0 < probability < 1), e.g. 0.975 for the two-sided
// 5 % critical value. NaN outside those ranges.
double student_t_quantile(double probability, double df);

}  // namespace statistics
}  // namespace exsolve
