#include "compute_interface_bonds.h"

#include "compat.h"
#include "lammps_box.h"
#include "fix_nanoparticle_track.h"
#include "gather.h"
#include "style_arguments.h"
#include "core/bond_tally.h"
#include "core/pair_cutoff_rules.h"
#include "core/particle_bond_table.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "fix.h"
#include "group.h"
#include "memory.h"
#include "modify.h"
#include "neigh_list.h"
#include "neighbor.h"
#include "update.h"
#include "utils.h"

#include <cstring>
#include <exception>
#include <mpi.h>
#include <string>

using namespace LAMMPS_NS;

static constexpr const char *SYNTAX =
    "compute ID metal-group interface/bonds oxygen-group cutoff <Å> [cutoff <itype> <jtype> <Å> ...] "
    "[histogram <n>] [particles <fix-ID>|c_<compute-ID>]";

// Global vector: total bonds, interface atoms, mean bonds per interface atom, mean bonds
// per metal atom, then the histogram.
static constexpr int N_SUMMARY = 4;

ComputeInterfaceBonds::ComputeInterfaceBonds(LAMMPS *lmp, int narg, char **arg) : Compute(lmp, narg, arg)
{
  parse_options(narg, arg);

  peratom_flag = 1;
  size_peratom_cols = 0;
  vector_flag = 1;
  const int histogram_bins = options_.histogram_max + 1;
  size_vector = N_SUMMARY + histogram_bins;
  extvector = -1;
  extensive_list_ = {1, 1, 0, 0};
  extensive_list_.resize(size_vector, 1);
  extlist = extensive_list_.data();
  if (!options_.particle_source.empty()) {
    array_flag = 1;
    size_array_cols = 5;
    size_array_rows = 0;
    size_array_rows_variable = 1;
    extarray = 0;
  }
  memory->create(vector, size_vector, "interface/bonds:vector");
  local_tally_ = exsolve::core::BondTally(options_.histogram_max);
}

ComputeInterfaceBonds::~ComputeInterfaceBonds()
{
  memory->destroy(bonds_per_atom_);
  memory->destroy(vector);
  memory->destroy(array);
}

void ComputeInterfaceBonds::parse_options(int narg, char **arg)
{
  exsolve::StyleArguments args(lmp, "compute interface/bonds", SYNTAX, narg, arg);
  args.require_at_least(6);
  options_.oxygen_group = arg[3];
  const int oxygen_group = args.existing_group(3, "oxygen");
  if (oxygen_group == igroup)
    error->all(FLERR,
               "compute interface/bonds: metal group and oxygen group are both '{}'; "
               "they must not overlap",
               arg[3]);
  options_.oxygen_group_bit = group->bitmask[oxygen_group];

  if (atom->ntypes < 1) error->all(FLERR, "compute interface/bonds: the box must exist (and define atom types) first");
  options_.cutoffs = exsolve::core::PairCutoffs(atom->ntypes);

  auto is_type_spec = [](const char *word) {
    return word && (utils::is_integer(word) || std::strchr(word, '*') != nullptr);
  };
  // The cutoff keywords in order, applied by core's rules (those exsolve-analyze's
  // bond_cutoffs follow), with their words for the messages.
  std::vector<exsolve::core::CutoffRule> cutoff_rules;
  std::vector<std::string> cutoff_words;
  args.allow_repeated("cutoff");  // once globally, then per type pair
  for (args.start_keywords(4); !args.done();) {
    const std::string keyword = args.keyword();
    if (keyword == "cutoff" && is_type_spec(args.peek(0)) && is_type_spec(args.peek(1))) {
      // Per type pair: "cutoff <itype> <jtype> <Å>"; two type words announce one.
      exsolve::core::CutoffRule rule;
      rule.itypes = args.word("atom types");
      rule.jtypes = args.word("atom types");
      const std::string label = "cutoff " + rule.itypes + " " + rule.jtypes;
      const char *distance = args.peek();
      rule.cutoff_angstrom = args.number("a distance in Å after the two atom types", label);
      cutoff_rules.push_back(rule);
      cutoff_words.push_back(label + " " + distance);
    } else if (keyword == "cutoff") {
      exsolve::core::CutoffRule rule;
      const char *distance = args.peek();
      rule.cutoff_angstrom = args.number("a distance in Å or '<itype> <jtype> <Å>'");
      cutoff_rules.push_back(rule);
      cutoff_words.push_back(std::string("cutoff ") + distance);
    } else if (keyword == "histogram") {
      options_.histogram_max = static_cast<int>(args.integer(0, 1000, "0..1000 (the largest bond count)"));
    } else if (keyword == "particles") {
      const std::string source = args.word("a fix ID or c_<compute-ID>");
      options_.particle_source_is_fix = !utils::strmatch(source, "^c_");
      options_.particle_source = options_.particle_source_is_fix ? source : source.substr(2);
    } else {
      args.unknown_keyword();
    }
  }
  if (!args.given("cutoff")) args.missing_keyword("cutoff");
  try {
    exsolve::core::apply_cutoff_rules(cutoff_rules, options_.cutoffs);
  } catch (const exsolve::core::CutoffRuleError &e) {
    error->all(FLERR, "compute interface/bonds: {}: {}", cutoff_words.at(e.rule_index()), e.what());
  }
  if (options_.cutoffs.max_cutoff() <= 0.0) error->all(FLERR, "compute interface/bonds: no type pair has a cutoff > 0");
}

void ComputeInterfaceBonds::init()
{
  exsolve::require_box_for_cutoff(lmp, "compute interface/bonds", options_.cutoffs.max_cutoff());
  const double list_cutoff = options_.cutoffs.max_cutoff() + neighbor->skin;
  const double ghost_cutoff = exsolve::compat::ghost_cutoff(lmp);
  if (list_cutoff > ghost_cutoff)
    error->all(FLERR,
               "compute interface/bonds: cutoff {} Å plus neighbor skin {} Å exceeds the "
               "ghost-atom cutoff {} Å; add 'comm_modify cutoff {}' (or larger) before the run",
               options_.cutoffs.max_cutoff(), neighbor->skin, ghost_cutoff, list_cutoff);

  // The group may have been deleted and defined again, with another bit.
  const int oxygen_group = group->find(options_.oxygen_group);
  if (oxygen_group < 0)
    error->all(FLERR, "compute interface/bonds: oxygen group '{}' no longer exists", options_.oxygen_group);
  options_.oxygen_group_bit = group->bitmask[oxygen_group];
  if (comm->mode != Comm::SINGLE)
    error->all(FLERR, "compute interface/bonds: needs 'comm_modify mode single' (the ghost cutoff of "
                      "mode multi may not reach the bond cutoff)");
  check_groups_disjoint();

  if (!options_.particle_source.empty()) {
    if (options_.particle_source_is_fix) {
      Fix *fix = exsolve::compat::find_fix(modify, options_.particle_source);
      if (!fix) error->all(FLERR, "compute interface/bonds: particles: no fix with ID '{}'", options_.particle_source);
      if (!utils::strmatch(fix->style, "^nanoparticle/track"))
        error->all(FLERR,
                   "compute interface/bonds: particles: fix '{}' is a fix {}, expected a fix "
                   "nanoparticle/track",
                   options_.particle_source, fix->style);
      if (!fix->peratom_flag || fix->size_peratom_cols != 0)
        error->all(FLERR, "compute interface/bonds: particles: fix '{}' has no per-atom vector",
                   options_.particle_source);
    } else {
      Compute *compute = exsolve::compat::find_compute(modify, options_.particle_source);
      if (!compute)
        error->all(FLERR, "compute interface/bonds: particles: no compute with ID '{}'", options_.particle_source);
      if (compute == this)
        error->all(FLERR, "compute interface/bonds: particles: c_{} is this compute itself", options_.particle_source);
      if (!compute->peratom_flag || compute->size_peratom_cols != 0)
        error->all(FLERR, "compute interface/bonds: particles: compute '{}' ({}) has no per-atom vector",
                   options_.particle_source, compute->style);
    }
  }

  exsolve::compat::request_occasional_full_list(neighbor, this, instance_me, list_cutoff);
  list_builds_.reset();
}

void ComputeInterfaceBonds::init_list(int, NeighList *ptr)
{
  list_ = ptr;
}

void ComputeInterfaceBonds::check_groups_disjoint()
{
  const int *mask = atom->mask;
  int local_overlap = 0;
  for (int i = 0; i < atom->nlocal; ++i)
    if ((mask[i] & groupbit) && (mask[i] & options_.oxygen_group_bit)) ++local_overlap;
  int overlap = 0;
  MPI_Allreduce(&local_overlap, &overlap, 1, MPI_INT, MPI_SUM, world);
  if (overlap > 0)
    error->all(FLERR,
               "compute interface/bonds: {} atoms are in both the metal group '{}' and the "
               "oxygen group '{}'; the groups must not overlap",
               overlap, group->names[igroup], options_.oxygen_group);
}

void ComputeInterfaceBonds::grow_per_atom_storage()
{
  if (atom->nmax > nmax_) {
    memory->destroy(bonds_per_atom_);
    nmax_ = atom->nmax;
    memory->create(bonds_per_atom_, nmax_, "interface/bonds:bonds_per_atom");
    vector_atom = bonds_per_atom_;
  }
}

void ComputeInterfaceBonds::count_bonds()
{
  grow_per_atom_storage();
  list_builds_.build(neighbor, list_, update->ntimestep);

  const double *const *x = atom->x;
  const int *type = atom->type;
  const int *mask = atom->mask;
  const int nlocal = atom->nlocal;
  const int nall = atom->nlocal + atom->nghost;
  const int stride = options_.cutoffs.table_stride();
  const int oxygen_bit = options_.oxygen_group_bit;
  const double *cutoff_sq = options_.cutoffs.cutoff_sq_table().data();

  local_tally_ = exsolve::core::BondTally(options_.histogram_max);
  // The full list normally holds every local atom; zero separately only if it does not.
  if (list_->inum != nlocal)
    for (int i = 0; i < nlocal; ++i) bonds_per_atom_[i] = 0.0;
  for (int ii = 0; ii < list_->inum; ++ii) {
    const int i = list_->ilist[ii];
    if (i >= nlocal) continue;
    if (!(mask[i] & groupbit)) {
      bonds_per_atom_[i] = 0.0;
      continue;
    }
    const int *neighbors = list_->firstneigh[i];
    const int n_neighbors = list_->numneigh[i];
    const double *row = cutoff_sq + type[i] * stride;
    int bonds = 0;
    for (int jj = 0; jj < n_neighbors; ++jj) {
      const int j = neighbors[jj] & NEIGHMASK;
      // A list built before atoms were deleted may point past the current atoms.
      if (j >= nall || !(mask[j] & oxygen_bit)) continue;
      const double dx = x[i][0] - x[j][0];
      const double dy = x[i][1] - x[j][1];
      const double dz = x[i][2] - x[j][2];
      if (dx * dx + dy * dy + dz * dz < row[type[j]]) ++bonds;
    }
    bonds_per_atom_[i] = bonds;
    local_tally_.add_metal_atom(bonds);
  }
}

void ComputeInterfaceBonds::count_bonds_in_current_box()
{
  // The box may shrink during a run (fix deform, npt).
  exsolve::require_box_for_cutoff(lmp, "compute interface/bonds", options_.cutoffs.max_cutoff());
  count_bonds();
}

void ComputeInterfaceBonds::compute_peratom()
{
  invoked_peratom = update->ntimestep;
  count_bonds_in_current_box();
}

void ComputeInterfaceBonds::compute_vector()
{
  invoked_vector = update->ntimestep;
  count_bonds_in_current_box();
  exsolve::core::BondTally tally = local_tally_;
  std::vector<double> &raw = tally.raw();
  MPI_Allreduce(MPI_IN_PLACE, raw.data(), static_cast<int>(raw.size()), MPI_DOUBLE, MPI_SUM, world);

  vector[0] = tally.total_bonds();
  vector[1] = tally.interface_atoms();
  vector[2] = tally.bonds_per_interface_atom();
  vector[3] = tally.bonds_per_metal_atom();
  for (int n = 0; n < tally.histogram_bins(); ++n) vector[N_SUMMARY + n] = tally.histogram(n);
}

const double *ComputeInterfaceBonds::particle_ids_per_atom()
{
  if (options_.particle_source_is_fix) {
    Fix *fix = exsolve::compat::find_fix(modify, options_.particle_source);
    if (!fix) error->all(FLERR, "compute interface/bonds: particles: fix '{}' was deleted", options_.particle_source);
    // The IDs must be this step's: the fix identifies particles at the end of a step, so a
    // fix or output defined before it would otherwise read the previous identification's.
    auto *tracker = dynamic_cast<FixNanoparticleTrack *>(fix);
    if (!tracker || tracker->last_identification_step() != update->ntimestep)
      error->all(FLERR,
                 "compute interface/bonds: particles: fix '{}' has not identified particles on step {} "
                 "(it does every {} steps, at the end of the step): use this compute on those steps, from "
                 "thermo output or fixes defined after fix '{}'",
                 options_.particle_source, update->ntimestep, fix->peratom_freq, options_.particle_source);
    return fix->vector_atom;
  }
  Compute *compute = exsolve::compat::find_compute(modify, options_.particle_source);
  if (!compute)
    error->all(FLERR, "compute interface/bonds: particles: compute '{}' was deleted", options_.particle_source);
  if (!(compute->invoked_flag & Compute::INVOKED_PERATOM)) {
    compute->compute_peratom();
    compute->invoked_flag |= Compute::INVOKED_PERATOM;
  }
  return compute->vector_atom;
}

int ComputeInterfaceBonds::lock_length()
{
  // fix ave/time asks for the number of rows (particles) before it reads the array.
  if (invoked_array != update->ntimestep) compute_array();
  return size_array_rows;
}

void ComputeInterfaceBonds::lock_enable()
{
  // Called by fix ave/time when it would average the rows over several steps: the
  // particles (rows) may change between them, so each row would mix different particles.
  error->all(FLERR,
             "compute interface/bonds {}: its per-particle rows cannot be averaged over time by fix "
             "ave/time (particles change); use nrepeat 1 and ave one",
             id);
}

void ComputeInterfaceBonds::compute_array()
{
  invoked_array = update->ntimestep;
  count_bonds_in_current_box();
  const double *particle_of_atom = particle_ids_per_atom();

  exsolve::core::ParticleBondTable table;
  for (int i = 0; i < atom->nlocal; ++i) {
    if (!(atom->mask[i] & groupbit)) continue;
    const auto particle = static_cast<long>(particle_of_atom[i]);
    if (particle > 0) table.add_atom(particle, static_cast<int>(bonds_per_atom_[i]));
  }

  // Every rank contributes its partial rows; all ranks merge the same set in ID order.
  const std::vector<double> local = table.flatten();
  const std::vector<double> all = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  exsolve::core::ParticleBondTable merged;
  merged.merge_flat(all);

  const auto rows = merged.rows();
  memory->destroy(array);
  size_array_rows = static_cast<int>(rows.size());
  memory->create(array, std::max(size_array_rows, 1), size_array_cols, "interface/bonds:array");
  for (int r = 0; r < size_array_rows; ++r) {
    array[r][0] = static_cast<double>(rows[r].particle_id);
    array[r][1] = rows[r].atoms;
    array[r][2] = rows[r].interface_atoms;
    array[r][3] = rows[r].bonds;
    array[r][4] = rows[r].bonds_per_interface_atom();
  }
}

double ComputeInterfaceBonds::memory_usage()
{
  return static_cast<double>(nmax_) * sizeof(double);
}
