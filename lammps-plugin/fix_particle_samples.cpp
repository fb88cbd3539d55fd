#include "fix_particle_samples.h"

#include "restart_state.h"

#include "comm.h"
#include "error.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace LAMMPS_NS;
using exsolve::core::RunningBlockMean;

FixParticleSamples::FixParticleSamples(LAMMPS *lmp, int narg, char **arg) : Fix(lmp, narg, arg)
{
  if (narg != 5) error->all(FLERR, "fix {} is internal to compute particle/chemical_potential", STYLE);
  per_block_ = std::atoi(arg[3]);
  owner_ = arg[4];
  if (per_block_ < 1) error->all(FLERR, "compute {}: block must be at least 1, not '{}'", owner_, arg[3]);
  restart_global = 1;
}

void FixParticleSamples::add(bigint step, const std::map<double, double> &value_of_particle)
{
  if (step == last_step_) return;
  last_step_ = step;
  std::map<double, RunningBlockMean> present;
  for (const auto &particle : value_of_particle) {
    auto known = particles_.find(particle.first);
    RunningBlockMean running = known != particles_.end() ? known->second : RunningBlockMean(per_block_);
    running.add(particle.second);
    present.emplace(particle.first, running);
  }
  particles_.swap(present);
}

exsolve::core::Estimate FixParticleSamples::estimate(double particle_id) const
{
  const auto found = particles_.find(particle_id);
  if (found != particles_.end()) return found->second.estimate();
  constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
  return {NaN, NaN, 0};
}

int FixParticleSamples::samples(double particle_id) const
{
  const auto found = particles_.find(particle_id);
  return found != particles_.end() ? found->second.samples() : 0;
}

// Layout: values per block, last sampled step, particles, then per particle its ID and
// RunningBlockMean::STATE_SIZE numbers.
void FixParticleSamples::write_restart(FILE *fp)
{
  std::vector<double> state = {static_cast<double>(per_block_), static_cast<double>(last_step_),
                               static_cast<double>(particles_.size())};
  for (const auto &particle : particles_) {
    state.push_back(particle.first);
    const std::vector<double> running = particle.second.state();
    state.insert(state.end(), running.begin(), running.end());
  }
  exsolve::write_restart_state(fp, state, comm->me);
}

void FixParticleSamples::restart(char *buf)
{
  const double *state = reinterpret_cast<const double *>(buf);
  const int restart_block = static_cast<int>(state[0]);
  if (restart_block != per_block_)
    error->all(FLERR,
               "compute {}: block {} differs from the restart file's block {}: the running averages "
               "carried by the restart file were made with blocks of {} values",
               owner_, per_block_, restart_block, restart_block);
  last_step_ = static_cast<bigint>(state[1]);
  const long particles = static_cast<long>(state[2]);
  particles_.clear();
  const double *next = state + 3;
  try {
    for (long p = 0; p < particles; ++p, next += 1 + RunningBlockMean::STATE_SIZE)
      particles_.emplace(next[0], RunningBlockMean::from_state(next + 1));
  } catch (const std::exception &e) {
    error->all(FLERR, "compute {}: the restart file's running averages are inconsistent: {}", owner_, e.what());
  }
}
