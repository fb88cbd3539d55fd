// A number with its standard error, and the comparisons the demo report makes with them.
#pragma once

#include <vector>

namespace exsolve {
namespace core {

struct Estimate {
  double value = 0.0;
  double standard_error = 0.0;
};

// Mean of a correlated time series with a block-average standard error: the series is cut
// into `blocks` equal blocks and the spread of their means gives the error (Flyvbjerg &
// Petersen 1989), which naive sqrt(N) errors underestimate for MD data. Needs at least
// `blocks` values; with a constant series the error is 0.
Estimate block_average(const std::vector<double> &values, int blocks = 5);

// (b - a) and its standard error for independent estimates, and the z score (difference
// over its error; 0 when both errors are 0 and the values agree, infinite when they differ).
struct Difference {
  Estimate change;
  double z_score = 0.0;
};
Difference difference(const Estimate &a, const Estimate &b);

}  // namespace core
}  // namespace exsolve
