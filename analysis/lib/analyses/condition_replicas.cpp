#include "analyses/condition_replicas.h"

#include "analyses/demo_run_layout.h"
#include "io/replica_directories.h"
#include "io/table_schema.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace exsolve {
namespace analyses {

const std::vector<Quantity> &compared_quantities()
{
  namespace c = io::column;
  using N = ConditionNumbers;
  // The hypotheses' quantities (bonds, D, the particles' chemical potential) and what
  // explains them (MSD exponent, merges, socket depths) are tested; the rest describes the
  // runs.
  static const std::vector<Quantity> quantities = {
      {c::bonds_per_interface_atom, c::bonds_per_interface_atom_error,
       [](const N &n) { return n.bonds_per_interface_atom.value; },
       [](const N &n) { return n.bonds_per_interface_atom; }, true},
      {c::diffusion_A2_per_ps, c::diffusion_error_A2_per_ps, [](const N &n) { return n.diffusion.value; },
       [](const N &n) { return n.diffusion; }, true},
      {c::chemical_potential_excess_eV, c::chemical_potential_excess_error_eV,
       [](const N &n) { return n.chemical_potential_excess.value; },
       [](const N &n) { return n.chemical_potential_excess; }, true},
      {c::msd_exponent, c::msd_exponent_error, [](const N &n) { return n.msd_exponent; }, nullptr, true},
      {c::merges, c::merges_error, [](const N &n) { return double(n.merges); }, nullptr, true},
      {c::socket_depth_local_A, c::socket_depth_local_error_A, [](const N &n) { return n.socket_depth_local; }, nullptr,
       true},
      {c::socket_depth_global_A, c::socket_depth_global_error_A, [](const N &n) { return n.socket_depth_global; },
       nullptr, true},
      {c::duration_ps, c::duration_error_ps, [](const N &n) { return n.duration_ps; }, nullptr, false},
      {c::oxygens_removed, c::oxygens_removed_error, [](const N &n) { return n.oxygens_removed; }, nullptr, false},
      {c::particles_final, c::particles_final_error, [](const N &n) { return double(n.particles_final); }, nullptr,
       false},
      {c::nve_drift_meV_per_atom_ps, c::nve_drift_error_meV_per_atom_ps, [](const N &n) { return n.nve_drift; },
       nullptr, false}};
  return quantities;
}

core::Estimate ConditionReplicas::estimate(const Quantity &quantity) const
{
  constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
  if (!has_replicas()) {
    if (quantity.within_run) return quantity.within_run(runs.front());
    return {quantity.of_run(runs.front()), NaN, 1};
  }
  std::vector<double> values;
  for (const ConditionNumbers &run : runs) {
    values.push_back(quantity.of_run(run));
    // A replica without the number (no particle left to measure a socket depth, a run
    // too short for D): the condition has no estimate rather than one over the others.
    if (!std::isfinite(values.back())) return {NaN, NaN, 0};
  }
  return core::mean_with_error(values);
}

ConditionReplicas measure_replicas(const std::string &name, const std::string &directory)
{
  ConditionReplicas condition{name, directory, io::replica_directories(directory, demo_run::series_file), {}};
  for (const std::string &replica : condition.replica_directories) {
    try {
      condition.runs.push_back(measure_condition(name, replica));
    } catch (const std::exception &e) {
      if (replica == directory) throw;
      throw std::runtime_error(fmt::format("replica {}: {}", replica, e.what()));
    }
  }
  return condition;
}

}  // namespace analyses
}  // namespace exsolve
