// A number with its standard error (the tests between such numbers are compare's:
// analysis/lib/statistics).
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

}  // namespace core
}  // namespace exsolve
