// The numbers exsolve-analyze compare sets side by side, measured for one run of a
// condition — its run directory, or one replica (the files analyses/demo_run_layout.h
// names): oxygens removed, bonds per interface atom, the diffusion estimate, merges,
// socket depths, NVE drift; and the time series behind compare's plots.
// condition_replicas combines the runs of a condition.
#pragma once

#include "analyses/chemical_potential_rows.h"
#include "core/estimate.h"

#include <limits>
#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

// series.txt's columns that compare tabulates and plots, one value per output step.
struct ConditionSeries {
  std::vector<double> time_ps, oxygens_removed, bonds_per_interface_atom, particles, msd_A2;
};

struct ConditionNumbers {
  std::string name, directory;
  double oxygens_removed = 0.0;
  core::Estimate bonds_per_interface_atom;  // second half of the run, block-averaged
  core::Estimate diffusion;                 // A^2/ps, block estimate from report/track.json
  int diffusion_segments = 0;
  double msd_exponent = 0.0;
  int merges = 0, particles_final = 0;
  // A, mean over the particles of the last frame that has any (NaN: no particle in any frame)
  double socket_depth_local = std::numeric_limits<double>::quiet_NaN();
  double socket_depth_global = std::numeric_limits<double>::quiet_NaN();
  long socket_frame = -1;
  double nve_drift = 0.0;  // meV/atom/ps
  // mu_p - mu_bulk (eV), the atom-weighted mean over the particles at each output step;
  // second half of those steps, block-averaged (invalid without chemical_potential.txt)
  core::Estimate chemical_potential_excess{std::numeric_limits<double>::quiet_NaN(),
                                           std::numeric_limits<double>::quiet_NaN(), 0};
  bool has_chemical_potential = false;                         // the run wrote chemical_potential.txt
  std::vector<ParticleChemicalPotential> chemical_potentials;  // every particle and output step
  double duration_ps = 0.0;

  ConditionSeries series;
  std::string msd_table;  // report/msd.csv as exsolve-analyze track wrote it
};

// Throws std::runtime_error naming the file for anything missing or malformed.
ConditionNumbers measure_condition(const std::string &name, const std::string &directory);

}  // namespace analyses
}  // namespace exsolve
