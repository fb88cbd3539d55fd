// A number with its standard error, and the comparisons the demo report makes with them.
#pragma once

#include <vector>

namespace exsolve {
namespace core {

// `samples` independent values went into it (blocks, segments); samples < 2 means no error
// estimate, and then value and standard_error are NaN.
struct Estimate {
  double value = 0.0;
  double standard_error = 0.0;
  int samples = 0;
  bool valid() const { return samples >= 2; }
};

// Mean of a correlated time series with a block-average standard error: the series is cut
// into `blocks` equal blocks of at least `min_block` values and the spread of their means
// gives the error (Flyvbjerg & Petersen 1989), which naive sqrt(N) errors underestimate for
// MD data. Too few values: an invalid (NaN) estimate. A constant series: error 0.
Estimate block_average(const std::vector<double> &values, int blocks = 5, int min_block = 2);

// Mean and standard error of the mean of independent samples (NaN when fewer than 2).
Estimate mean_with_error(const std::vector<double> &samples);

// b - a with its standard error for independent estimates, and Welch's test: t = change /
// error with Welch-Satterthwaite degrees of freedom; `significant` at the two-sided 5 %
// level (Student-t critical value, not 2: with 4-8 blocks a z of 2 is significant far too
// often). Invalid when either estimate is.
struct Difference {
  Estimate change;
  double t_statistic = 0.0;
  double degrees_of_freedom = 0.0;
  double critical_t = 0.0;
  bool valid = false;
  bool significant = false;
};
Difference difference(const Estimate &a, const Estimate &b);

// Two-sided 95 % quantile of Student's t with `df` degrees of freedom (df >= 1; interpolated
// in 1/df between tabulated values, 1.96 in the limit).
double student_t_975(double df);

}  // namespace core
}  // namespace exsolve
