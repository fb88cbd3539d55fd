// compute particle/chemical_potential's rows as fix ave/time (mode vector) writes them,
// read for `report` (one run, the file named by the configuration's chemical_potential_file)
// and `compare` (each run's chemical_potential.txt): every particle at every output step,
// and the atom-weighted mean of mu_p - mu_bulk per step block-averaged over the second half.
#pragma once

#include "core/estimate.h"

#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

// One particle at one output step.
struct ParticleChemicalPotential {
  double time_ps;
  long particle;
  int atoms;
  double excess_eV;                 // mu_p - mu_bulk
  double bonds_per_interface_atom;  // NaN when the compute had no `bonds`
};

struct ChemicalPotentialRows {
  std::vector<ParticleChemicalPotential> particles;  // every particle and output step
  std::vector<double> mean_excess_eV;                // per output step with particles
  // mean_excess_eV's second half in 5 blocks of at least 2 steps (invalid, NaN, when shorter)
  core::Estimate excess;
  bool has_bonds = false;  // the compute had `bonds`
};

// Throws std::runtime_error naming the file and line for a file that is not such rows.
ChemicalPotentialRows read_chemical_potential_rows(const std::string &path, double ps_per_step);

// The table io::tables::chemical_potential (time, particle, atoms, mu_p - mu_bulk, bonds).
void write_chemical_potential_table(const std::string &path, const std::vector<ParticleChemicalPotential> &rows);

}  // namespace analyses
}  // namespace exsolve
