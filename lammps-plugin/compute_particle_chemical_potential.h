// compute particle/chemical_potential: the chemical potential of every particle of a fix
// nanoparticle/track, from exact local energy differences (LocalEnergy): the energy that
// holds the particle (all its atoms taken away one by one) and, from its excess over the
// bulk, the Gibbs-Thomson chemical potential of a particle that keeps its shape; and per
// particle its time average with a block error (kept by an internal FixParticleSamples).
// Doc: docs/compute_particle_chemical_potential.md.
#pragma once

#include "compute.h"

#include "local_energy.h"
#include "owned_atoms.h"

#include <string>
#include <vector>

namespace LAMMPS_NS {

class ComputeParticleChemicalPotential : public Compute {
 public:
  ComputeParticleChemicalPotential(class LAMMPS *, int, char **);
  ~ComputeParticleChemicalPotential() override;
  void init() override;
  double compute_scalar() override;
  void compute_array() override;
  int lock_length() override;
  void lock_enable() override;

 private:
  // The snapshot's columns, then (with `bonds`) bonds per interface atom, then the time
  // average of mu_p - mu_bulk, its standard error and its samples.
  static constexpr int SNAPSHOT_COLUMNS = 6, AVERAGE_COLUMNS = 3;
  struct Row {
    double particle_id, atoms, mu_ev, mu_minus_bulk_ev, holding_energy_ev, excess_energy_ev;
    double bonds_per_interface_atom;
    double mean_mu_minus_bulk_ev, mean_error_ev, samples;
  };
  void evaluate();
  // The energy change of taking these atoms (x, y, z, ID, type, charge rows) away one by
  // one, the atoms of the owned copy put back afterwards.
  double removal_energy(const std::vector<double> &particle_atoms);
  // Bonds per interface atom of each particle from the compute interface/bonds `bonds_id_`
  // (its per-particle rows), 0 for a particle without a row.
  std::vector<double> bonds_per_interface_atom(const std::vector<double> &particle_ids);
  // Adds this step's rows to the running averages (from timestep start_step_ on) and
  // fills the rows' average columns.
  void add_to_running_averages();
  std::string track_id_, bonds_id_;
  class Compute *bonds_ = nullptr;
  double bulk_ev_ = 0.0;
  int block_ = 5;           // samples per block of the running average's error
  bigint start_step_ = 0;   // the first timestep whose values enter the running averages
  std::string samples_id_;  // the internal fix that keeps them
  class FixParticleSamples *samples_ = nullptr;
  class FixNanoparticleTrack *track_ = nullptr;
  exsolve::OwnedAtoms owned_;
  exsolve::LocalEnergy local_;
  std::vector<Row> rows_;
  bigint evaluated_step_ = -1;
};

}  // namespace LAMMPS_NS
