#include "compute_particle_chemical_potential.h"

#include "compat.h"
#include "fix_nanoparticle_track.h"
#include "fix_particle_samples.h"
#include "gather.h"
#include "style_arguments.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "group.h"
#include "memory.h"
#include "modify.h"
#include "update.h"

#include <algorithm>
#include <array>
#include <map>
#include <mpi.h>

using namespace LAMMPS_NS;

namespace {

constexpr const char *SYNTAX =
    "compute ID group particle/chemical_potential <track fix ID> bulk <eV per atom> [bonds <interface/bonds ID>] "
    "[block <samples>] [start <timestep>]";
// compute interface/bonds' per-particle rows: particle ID, ..., bonds per interface atom.
constexpr int BONDS_COLUMNS = 5;
// Rows of a particle atom as gathered: particle ID, x, y, z, atom ID, type, charge.
constexpr int ATOM_ROW = 7;

}  // namespace

ComputeParticleChemicalPotential::ComputeParticleChemicalPotential(LAMMPS *lmp, int narg, char **arg)
    : Compute(lmp, narg, arg), owned_(lmp), local_(lmp, "compute particle/chemical_potential")
{
  exsolve::StyleArguments args(lmp, "compute particle/chemical_potential", SYNTAX, narg, arg);
  args.require_at_least(6);
  track_id_ = arg[3];
  for (args.start_keywords(4); !args.done();) {
    const std::string keyword = args.keyword();
    if (keyword == "bulk") bulk_ev_ = args.number("the bulk metal's energy per atom in eV (its chemical potential)");
    else if (keyword == "bonds") bonds_id_ = args.word("the ID of a compute interface/bonds with particles");
    else if (keyword == "block")
      block_ = static_cast<int>(args.integer(1, 1000000, "the samples per block of the running average's error"));
    else if (keyword == "start") start_step_ = args.integer(0, MAXBIGINT, "the first timestep of the running averages");
    else args.unknown_keyword();
  }
  if (!args.given("bulk")) args.missing_keyword("bulk");
  if (!atom->tag_enable) error->all(FLERR, "compute particle/chemical_potential: needs atom IDs");
  scalar_flag = 1;
  extscalar = 0;
  array_flag = 1;
  size_array_cols = SNAPSHOT_COLUMNS + (bonds_id_.empty() ? 0 : 1) + AVERAGE_COLUMNS;
  size_array_rows = 0;
  size_array_rows_variable = 1;
  extarray = 0;
  // The running averages live in an internal fix; a restart file's state for it (same ID
  // and style) is given back by Modify::add_fix.
  samples_id_ = std::string(id) + "_SAMPLES";
  Fix *fix = modify->add_fix(fmt::format("{} all {} {} {}", samples_id_, FixParticleSamples::STYLE, block_, id), 0);
  samples_ = static_cast<FixParticleSamples *>(fix);
}

ComputeParticleChemicalPotential::~ComputeParticleChemicalPotential()
{
  memory->destroy(array);
  // At the end of LAMMPS the fixes are gone first.
  if (modify->nfix && exsolve::compat::find_fix(modify, samples_id_)) modify->delete_fix(samples_id_);
}

void ComputeParticleChemicalPotential::init()
{
  Fix *fix = exsolve::compat::find_fix(modify, track_id_);
  if (!fix) error->all(FLERR, "compute particle/chemical_potential: no fix with ID '{}'", track_id_);
  track_ = dynamic_cast<FixNanoparticleTrack *>(fix);
  if (!track_)
    error->all(FLERR, "compute particle/chemical_potential: fix '{}' is a fix {}, expected a fix nanoparticle/track",
               track_id_, fix->style);
  bonds_ = nullptr;
  if (!bonds_id_.empty()) {
    bonds_ = exsolve::compat::find_compute(modify, bonds_id_);
    if (!bonds_) error->all(FLERR, "compute particle/chemical_potential: bonds: no compute with ID '{}'", bonds_id_);
    const std::string style = bonds_->style;
    if (style.compare(0, 15, "interface/bonds") != 0 || !bonds_->array_flag || bonds_->size_array_cols != BONDS_COLUMNS)
      error->all(FLERR,
                 "compute particle/chemical_potential: bonds: compute '{}' is a compute {}, expected a compute "
                 "interface/bonds with per-particle rows (keyword particles)",
                 bonds_id_, style);
  }
  // The moves take group atoms away: their types are the changed ones.
  std::vector<int> mine(atom->ntypes + 1, 0), all(atom->ntypes + 1, 0);
  for (int i = 0; i < atom->nlocal; ++i)
    if (atom->mask[i] & groupbit) mine[atom->type[i]] = 1;
  MPI_Allreduce(mine.data(), all.data(), atom->ntypes + 1, MPI_INT, MPI_MAX, world);
  std::vector<int> types;
  for (int t = 1; t <= atom->ntypes; ++t)
    if (all[t]) types.push_back(t);
  // One atom at a time: the atoms of a move lie 0 Å apart.
  const std::string why_not = local_.why_not_local(types, 0.0);
  if (!why_not.empty())
    error->all(FLERR,
               "compute particle/chemical_potential: needs local energy differences, which are not exact for "
               "this model: {}",
               why_not);
  local_.setup(types, 0.0);
  evaluated_step_ = -1;
}

double ComputeParticleChemicalPotential::removal_energy(const std::vector<double> &particle_atoms)
{
  double total = 0.0;
  std::vector<int> removed;
  for (std::size_t k = 0; k < particle_atoms.size(); k += ATOM_ROW) {
    const double *row = &particle_atoms[k];
    const int type = static_cast<int>(row[5]);
    const std::vector<exsolve::AtomChange> move = {
        {{row[1], row[2], row[3]}, static_cast<tagint>(row[4]), type, type, row[6], row[6], true, false, 0}};
    total += local_.delta(move, owned_);
    const int index = owned_.find(move.front().tag);
    if (index >= 0) removed.push_back(index);
    local_.apply(move, owned_);
  }
  for (int index : removed) owned_.restore(index);
  local_.forget(owned_);
  return total;
}

void ComputeParticleChemicalPotential::evaluate()
{
  if (evaluated_step_ == update->ntimestep) return;
  if (track_->last_identification_step() < 0)
    error->all(FLERR,
               "compute particle/chemical_potential: fix {} has not identified particles yet (it does on "
               "steps that are multiples of its N, from the run's first step)",
               track_id_);
  local_.start_invocation(false);
  owned_.build(local_.reach());
  const double *particle_of_atom = track_->vector_atom;
  std::vector<double> local;
  for (int i = 0; i < atom->nlocal; ++i) {
    if (!(atom->mask[i] & groupbit) || particle_of_atom[i] <= 0.0) continue;
    const int index = owned_.find(atom->tag[i]);
    const exsolve::OwnedAtoms::Atom &a = owned_.atom_at(index);
    local.insert(local.end(), {particle_of_atom[i], a.x[0], a.x[1], a.x[2], static_cast<double>(a.tag),
                               static_cast<double>(a.type), a.q});
  }
  // The same atoms in the same order on every rank, whatever the decomposition.
  const std::vector<double> all = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  std::vector<std::array<double, ATOM_ROW>> atoms(all.size() / ATOM_ROW);
  for (std::size_t k = 0; k < atoms.size(); ++k) std::copy_n(&all[k * ATOM_ROW], ATOM_ROW, atoms[k].begin());
  std::sort(atoms.begin(), atoms.end(),
            [](const std::array<double, ATOM_ROW> &a, const std::array<double, ATOM_ROW> &b) {
    return a[0] < b[0] || (a[0] == b[0] && a[4] < b[4]);
  });
  rows_.clear();
  for (std::size_t first = 0; first < atoms.size();) {
    std::size_t last = first;
    std::vector<double> particle;
    while (last < atoms.size() && atoms[last][0] == atoms[first][0]) {
      particle.insert(particle.end(), atoms[last].begin(), atoms[last].end());
      ++last;
    }
    const double n = static_cast<double>(last - first);
    // The energy that holds the particle: the system's energy with it minus without it.
    const double holding = -removal_energy(particle);
    const double excess = holding - n * bulk_ev_;
    // A particle that keeps its shape has an excess energy proportional to N^(2/3):
    // d(holding)/dN = bulk + (2/3) excess / N.
    const double mu = bulk_ev_ + 2.0 / 3.0 * excess / n;
    rows_.push_back({atoms[first][0], n, mu, mu - bulk_ev_, holding, excess, 0.0, 0.0, 0.0, 0.0});
    first = last;
  }
  if (bonds_) {
    std::vector<double> ids;
    for (const Row &row : rows_) ids.push_back(row.particle_id);
    const std::vector<double> bonds = bonds_per_interface_atom(ids);
    for (std::size_t r = 0; r < rows_.size(); ++r) rows_[r].bonds_per_interface_atom = bonds[r];
  }
  add_to_running_averages();
  evaluated_step_ = update->ntimestep;
}

// Every rank holds the same rows, so every rank's internal fix keeps the same averages.
void ComputeParticleChemicalPotential::add_to_running_averages()
{
  if (update->ntimestep >= start_step_) {
    std::map<double, double> value_of_particle;
    for (const Row &row : rows_) value_of_particle[row.particle_id] = row.mu_minus_bulk_ev;
    samples_->add(update->ntimestep, value_of_particle);
  }
  for (Row &row : rows_) {
    const exsolve::core::Estimate average = samples_->estimate(row.particle_id);
    row.mean_mu_minus_bulk_ev = average.value;
    row.mean_error_ev = average.standard_error;
    row.samples = samples_->samples(row.particle_id);
  }
}

std::vector<double> ComputeParticleChemicalPotential::bonds_per_interface_atom(const std::vector<double> &particle_ids)
{
  if (bonds_->invoked_array != update->ntimestep) bonds_->compute_array();
  std::vector<double> values(particle_ids.size(), 0.0);
  for (int r = 0; r < bonds_->size_array_rows; ++r) {
    const auto found = std::find(particle_ids.begin(), particle_ids.end(), bonds_->array[r][0]);
    if (found != particle_ids.end()) values[found - particle_ids.begin()] = bonds_->array[r][BONDS_COLUMNS - 1];
  }
  return values;
}

double ComputeParticleChemicalPotential::compute_scalar()
{
  invoked_scalar = update->ntimestep;
  evaluate();
  double weighted = 0.0, atoms = 0.0;
  for (const Row &row : rows_) {
    weighted += row.atoms * row.mu_minus_bulk_ev;
    atoms += row.atoms;
  }
  scalar = atoms > 0.0 ? weighted / atoms : 0.0;
  return scalar;
}

void ComputeParticleChemicalPotential::compute_array()
{
  invoked_array = update->ntimestep;
  evaluate();
  memory->destroy(array);
  size_array_rows = static_cast<int>(rows_.size());
  memory->create(array, std::max(size_array_rows, 1), size_array_cols, "particle/chemical_potential:array");
  for (int r = 0; r < size_array_rows; ++r) {
    const Row &row = rows_[r];
    std::vector<double> values = {row.particle_id,       row.atoms,           row.mu_ev, row.mu_minus_bulk_ev,
                                  row.holding_energy_ev, row.excess_energy_ev};
    if (bonds_) values.push_back(row.bonds_per_interface_atom);
    values.insert(values.end(), {row.mean_mu_minus_bulk_ev, row.mean_error_ev, row.samples});
    std::copy(values.begin(), values.end(), array[r]);
  }
}

int ComputeParticleChemicalPotential::lock_length()
{
  // fix ave/time asks for the number of rows (particles) before it reads the array: they
  // are this step's, not the last evaluation's.
  if (invoked_array != update->ntimestep) compute_array();
  return size_array_rows;
}

void ComputeParticleChemicalPotential::lock_enable()
{
  // fix ave/time would average rows over several steps: the particles (rows) may change.
  error->all(FLERR,
             "compute particle/chemical_potential {}: its per-particle rows cannot be averaged over time by "
             "fix ave/time (particles change); use nrepeat 1 and ave one",
             id);
}
