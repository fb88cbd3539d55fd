#include "analyses/condition_comparison.h"

#include "statistics/sample_size.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace analyses {

const char *basis_name(ErrorBasis basis)
{
  switch (basis) {
    case ErrorBasis::replicas: return "replicas";
    case ErrorBasis::within_run: return "within_run";
    case ErrorBasis::mixed: return "mixed";
  }
  return "";
}

const QuantityDifference &ConditionComparison::of(const char *column) const
{
  for (const QuantityDifference &d : differences)
    if (std::string(d.quantity->column) == column) return d;
  throw std::logic_error(std::string("compare does not test ") + column);
}

ConditionComparison compare_conditions(const ConditionReplicas &condition, const ConditionReplicas &baseline)
{
  constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
  ConditionComparison comparison{&condition, &baseline, {}};
  const ErrorBasis basis = condition.has_replicas() && baseline.has_replicas()     ? ErrorBasis::replicas
                           : !condition.has_replicas() && !baseline.has_replicas() ? ErrorBasis::within_run
                                                                                   : ErrorBasis::mixed;
  for (const Quantity &quantity : compared_quantities()) {
    if (!quantity.tested) continue;
    const core::Estimate base = baseline.estimate(quantity), other = condition.estimate(quantity);
    QuantityDifference d{&quantity, basis, statistics::welch_test(base, other), NaN, NaN};
    // A block error says nothing about how replicas spread, nor the spread of replicas
    // about a longer run: each estimate only where its basis is the only one.
    if (basis == ErrorBasis::replicas) d.replicas_needed = statistics::replicas_needed(base, other);
    if (basis == ErrorBasis::within_run) d.run_length_factor = statistics::run_length_factor(d.test);
    comparison.differences.push_back(d);
  }
  return comparison;
}

}  // namespace analyses
}  // namespace exsolve
