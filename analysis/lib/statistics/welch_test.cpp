#include "statistics/welch_test.h"

#include "statistics/student_t.h"

#include <cmath>
#include <limits>

namespace exsolve {
namespace statistics {

namespace {

bool has_error(const core::Estimate &e)
{
  return e.valid() && std::isfinite(e.value) && std::isfinite(e.standard_error);
}

}  // namespace

WelchTest welch_test(const core::Estimate &a, const core::Estimate &b)
{
  constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
  WelchTest w;
  if (!has_error(a) || !has_error(b)) {
    w.change = {NaN, NaN, 0};
    w.t_statistic = w.degrees_of_freedom = w.p_value = NaN;
    return w;
  }
  w.valid = true;
  const double va = a.standard_error * a.standard_error, vb = b.standard_error * b.standard_error;
  w.change = {b.value - a.value, std::sqrt(va + vb), a.samples + b.samples};
  if (w.change.standard_error == 0.0) {
    // Two error-free numbers: equal or not, nothing random to test.
    w.t_statistic =
        w.change.value == 0.0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), w.change.value);
    w.degrees_of_freedom = a.samples + b.samples - 2;
    w.p_value = w.change.value == 0.0 ? 1.0 : 0.0;
  } else {
    w.t_statistic = w.change.value / w.change.standard_error;
    w.degrees_of_freedom = (va + vb) * (va + vb) / (va * va / (a.samples - 1) + vb * vb / (b.samples - 1));
    w.p_value = student_t_two_sided_p(w.t_statistic, w.degrees_of_freedom);
  }
  w.significant = w.p_value < significance_level;
  return w;
}

}  // namespace statistics
}  // namespace exsolve
