// The running time averages of compute particle/chemical_potential, one per particle, kept
// in an internal fix so that restart files carry them (a compute cannot write restart
// data; LAMMPS's compute msd keeps its reference positions in an internal fix likewise).
// Created and deleted by the compute; its style name is not for input scripts.
#pragma once

#include "fix.h"

#include "core/running_block_mean.h"

#include <map>

namespace LAMMPS_NS {

class FixParticleSamples : public Fix {
 public:
  static constexpr const char *STYLE = "PARTICLE/CHEMICAL_POTENTIAL/SAMPLES";
  // Arguments: ID group STYLE values-per-block owner-compute-ID.
  FixParticleSamples(class LAMMPS *, int, char **);
  int setmask() override { return 0; }
  void write_restart(FILE *) override;
  void restart(char *) override;

  // This step's value of every particle present; one sample per step (a second call on the
  // same step, e.g. the next run's setup, adds nothing). Particles not present are gone
  // for good (the track fix never reuses an ID): their averages are dropped.
  void add(bigint step, const std::map<double, double> &value_of_particle);
  // The particle's running mean and block error (NaN values for a particle with no samples).
  exsolve::core::Estimate estimate(double particle_id) const;
  int samples(double particle_id) const;

 private:
  int per_block_;
  std::string owner_;
  bigint last_step_ = -1;
  std::map<double, exsolve::core::RunningBlockMean> particles_;
};

}  // namespace LAMMPS_NS
