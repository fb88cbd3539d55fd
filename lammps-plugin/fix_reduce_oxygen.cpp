// Arguments, set-up, output and restart of fix reduce/oxygen; the moves are in
// reduce_oxygen_moves.cpp.
#include "fix_reduce_oxygen.h"

#include "compat.h"
#include "restart_state.h"
#include "style_arguments.h"
#include "core/thermochemistry.h"

#include "atom.h"
#include "atom_vec.h"
#include "comm.h"
#include "compute.h"
#include "domain.h"
#include "error.h"
#include "force.h"
#include "group.h"
#include "kspace.h"
#include "modify.h"
#include "neighbor.h"
#include "pair.h"
#include "random_park.h"
#include "region.h"
#include "update.h"
#include "utils.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <mpi.h>
#include <string>

using namespace LAMMPS_NS;
using namespace FixConst;

static constexpr const char *SYNTAX =
    "fix ID group reduce/oxygen N M seed oxygen <type> (mu <eV> temperature <K> | atmosphere po2 <K> <atm> | "
    "atmosphere h2/h2o <K> <pH2/pH2O>) reduce <itype> <jtype> <charge> [reduce ...] [reference <eV>] [cutoff <Å>] "
    "[region <ID>] [surface x|y|z <Å>] [file <events file>] [overwrite yes|no] [reversible yes|no]";
static constexpr int N_VECTOR = 10;

FixReduceOxygen::FixReduceOxygen(LAMMPS *lmp, int narg, char **arg) : Fix(lmp, narg, arg), events_(lmp)
{
  parse_options(narg, arg);
  nevery = options_.every;
  vector_flag = 1;
  size_vector = N_VECTOR;
  global_freq = 1;
  extvector = 0;
  force_reneighbor = 1;
  restart_global = 1;
  next_reneighbor = update->ntimestep + 1;
  // The same generator and seed on every rank: every rank makes the same random choices,
  // whatever the decomposition.
  random_ = new RanPark(lmp, options_.seed);
}

FixReduceOxygen::~FixReduceOxygen()
{
  delete random_;
}

void FixReduceOxygen::parse_options(int narg, char **arg)
{
  exsolve::StyleArguments args(lmp, "fix reduce/oxygen", SYNTAX, narg, arg);
  args.require_at_least(10);
  options_.every = args.positive_int(3, "N (every how many steps)");
  options_.attempts = args.positive_int(4, "M (attempts per invocation)");
  options_.seed = args.positive_int(5, "seed");

  bool temperature_given = false, reference_given = false;
  args.allow_repeated("reduce");  // one per cation type
  for (args.start_keywords(6); !args.done();) {
    const std::string keyword = args.keyword();
    if (keyword == "oxygen") {
      options_.oxygen_type = args.atom_type();
    } else if (keyword == "mu") {
      options_.mu_given = true;
      options_.mu_ev = args.number("a chemical potential in eV");
    } else if (keyword == "temperature") {
      temperature_given = true;
      options_.temperature_k = args.number("a temperature in K");
    } else if (keyword == "atmosphere") {
      const std::string kind = args.word("'po2 <K> <atm>' or 'h2/h2o <K> <ratio>'");
      options_.temperature_k = args.number("a temperature in K");
      if (kind == "po2") {
        options_.atmosphere = Atmosphere::PO2;
        options_.po2_atm = args.number("a pressure in atm", "atmosphere po2");
        if (options_.po2_atm <= 0.0) error->all(FLERR, "fix reduce/oxygen: atmosphere po2: pO2 must be > 0 atm");
      } else if (kind == "h2/h2o") {
        options_.atmosphere = Atmosphere::H2_H2O;
        options_.h2_over_h2o = args.number("the ratio pH2/pH2O", "atmosphere h2/h2o");
        if (options_.h2_over_h2o <= 0.0) error->all(FLERR, "fix reduce/oxygen: atmosphere h2/h2o: pH2/pH2O must be > 0");
      } else {
        error->all(FLERR, "fix reduce/oxygen: atmosphere expects po2 or h2/h2o, got '{}'", kind);
      }
    } else if (keyword == "reduce") {
      Reduction r;
      r.from_type = args.atom_type();
      r.to_type = args.atom_type();
      r.new_charge = args.number("the reduced cation's charge");
      if (reduction_of(r.from_type))
        error->all(FLERR, "fix reduce/oxygen: reduce: type {} is given twice", r.from_type);
      options_.reductions.push_back(r);
    } else if (keyword == "reference") {
      options_.reference_ev = args.number("an energy in eV");
      reference_given = true;
    } else if (keyword == "region") {
      options_.region = args.word("a region ID");
      if (!exsolve::compat::region_by_id(domain, options_.region))
        error->all(FLERR, "fix reduce/oxygen: region '{}' does not exist", options_.region);
    } else if (keyword == "surface") {
      options_.surface_axis = args.axis();
      options_.surface_depth = args.positive_number("a depth in Å", "Å", "surface depth");
    } else if (keyword == "file") {
      options_.event_file = args.word("an event file name");
    } else if (keyword == "overwrite") {
      options_.overwrite = args.yes_no();
    } else if (keyword == "reversible") {
      options_.reversible = args.yes_no();
    } else if (keyword == "cutoff") {
      options_.cutoff = args.positive_number("a distance in Å", "Å");
    } else {
      args.unknown_keyword();
    }
  }
  if (!args.given("oxygen")) args.missing_keyword("oxygen");
  if (!args.given("reduce")) args.missing_keyword("reduce");
  for (const Reduction &r : options_.reductions)
    if (r.from_type == options_.oxygen_type || r.to_type == options_.oxygen_type)
      error->all(FLERR, "fix reduce/oxygen: reduce {} {}: the oxygen type {} cannot be reduced or be a reduced cation",
                 r.from_type, r.to_type, options_.oxygen_type);
  if (options_.mu_given == (options_.atmosphere != Atmosphere::NONE))
    error->all(FLERR, "fix reduce/oxygen: give either mu (with temperature) or atmosphere, exactly one");
  if (options_.mu_given && reference_given)
    error->all(FLERR, "fix reduce/oxygen: reference shifts an atmosphere's chemical potential onto the potential's "
               "scale; mu is already on that scale: drop reference or use atmosphere");
  if (options_.mu_given && !temperature_given)
    error->all(FLERR, "fix reduce/oxygen: mu needs the keyword temperature (the Monte Carlo temperature in K)");
  if (options_.atmosphere != Atmosphere::NONE && temperature_given)
    error->all(FLERR, "fix reduce/oxygen: the temperature is the atmosphere's; do not give temperature too");
  if (options_.temperature_k <= 0.0) error->all(FLERR, "fix reduce/oxygen: the temperature must be > 0 K");
  if (!atom->q_flag)
    error->all(FLERR, "fix reduce/oxygen: needs atom charges (an atom style with q, e.g. atom_style charge)");
  if (strcmp(update->unit_style, "metal") != 0)
    error->all(FLERR, "fix reduce/oxygen: needs units metal (chemical potentials are in eV)");
  if (!atom->tag_enable) error->all(FLERR, "fix reduce/oxygen: needs atom IDs");

  // The chemical potential on the potential's scale.
  try {
    if (options_.mu_given) {
      mu_oxygen_ev_ = options_.mu_ev;
    } else if (options_.atmosphere == Atmosphere::PO2) {
      mu_oxygen_ev_ = options_.reference_ev +
                      exsolve::thermo::delta_mu_oxygen(options_.temperature_k, options_.po2_atm * exsolve::thermo::BAR_PER_ATM);
    } else {
      mu_oxygen_ev_ = options_.reference_ev +
                      exsolve::thermo::delta_mu_oxygen_h2_h2o(options_.temperature_k, options_.h2_over_h2o);
    }
  } catch (const std::exception &e) {
    error->all(FLERR, "fix reduce/oxygen: atmosphere: {}", e.what());
  }
}

const FixReduceOxygen::Reduction *FixReduceOxygen::reduction_of(int type) const
{
  for (const Reduction &r : options_.reductions)
    if (r.from_type == type) return &r;
  return nullptr;
}

int FixReduceOxygen::setmask()
{
  return PRE_EXCHANGE;
}

void FixReduceOxygen::check_neutrality_possible()
{
  // The oxygen charge must be a whole multiple of some cation's charge change, or no
  // removal could ever keep the system neutral.
  double oxygen_charge = 0.0;
  int found = 0;
  for (int i = 0; i < atom->nlocal && !found; ++i)
    if (atom->type[i] == options_.oxygen_type) {
      oxygen_charge = atom->q[i];
      found = 1;
    }
  int any = 0;
  MPI_Allreduce(&found, &any, 1, MPI_INT, MPI_MAX, world);
  if (!any) return;  // no oxygen left: nothing to remove, nothing to check
  struct {
    double value;
    int rank;
  } local{found ? 1.0 : 0.0, comm->me}, owner;
  MPI_Allreduce(&local, &owner, 1, MPI_DOUBLE_INT, MPI_MAXLOC, world);
  MPI_Bcast(&oxygen_charge, 1, MPI_DOUBLE, owner.rank, world);
  bool possible = std::fabs(oxygen_charge) < CHARGE_TOLERANCE;
  for (int type = 1; type <= atom->ntypes && !possible; ++type) {
    const Reduction *r = reduction_of(type);
    if (!r) continue;
    double cation_charge = 0.0;
    int has = 0;
    for (int i = 0; i < atom->nlocal && !has; ++i)
      if (atom->type[i] == type) {
        cation_charge = atom->q[i];
        has = 1;
      }
    struct {
      double value;
      int rank;
    } mine{has ? 1.0 : 0.0, comm->me}, who;
    MPI_Allreduce(&mine, &who, 1, MPI_DOUBLE_INT, MPI_MAXLOC, world);
    if (who.value == 0.0) continue;
    MPI_Bcast(&cation_charge, 1, MPI_DOUBLE, who.rank, world);
    const double change = r->new_charge - cation_charge;
    if (std::fabs(change) < CHARGE_TOLERANCE) continue;
    const double count = oxygen_charge / change;
    possible = count > 0.5 && std::fabs(count - std::round(count)) < 1e-6;
  }
  if (!possible)
    error->all(FLERR, "fix reduce/oxygen: removing an oxygen of charge {} can never be compensated by the "
               "reduce settings (charge changes must add up to the oxygen's charge)", oxygen_charge);
}

void FixReduceOxygen::init()
{
  if (domain->triclinic) error->all(FLERR, "fix reduce/oxygen: triclinic boxes are not supported yet");
  pe_ = exsolve::compat::find_compute(modify, "thermo_pe");
  if (!pe_) error->all(FLERR, "fix reduce/oxygen: needs the thermo_pe compute");
  beta_ = 1.0 / (force->boltz * options_.temperature_k);
  // A group without oxygen (and no vacancy to refill) is a mistake, not a quiet no-op,
  // unless this fix removed them all.
  if (count_candidates() == 0 && vacancies_.empty()) {
    if (accepted_ == 0.0)
      error->all(FLERR, "fix reduce/oxygen: group '{}' has no atoms of oxygen type {} (within the region/surface "
                 "selection, if any)", group->names[igroup], options_.oxygen_type);
    if (comm->me == 0)
      error->warning(FLERR, "fix reduce/oxygen: no candidate oxygen is left in group '{}' ({} removed by this fix "
                     "so far); nothing to do", group->names[igroup], accepted_);
  }
  // The first invocation is on the run's next step unless the schedule (or a restart)
  // already falls within the next N steps; reset_timestep may have moved the clock.
  if (next_reneighbor <= update->ntimestep || next_reneighbor > update->ntimestep + nevery)
    next_reneighbor = update->ntimestep + 1;
  check_neutrality_possible();

  if (!options_.event_file.empty() && !events_.is_open())
    events_.open("fix reduce/oxygen", options_.event_file, options_.overwrite, restarted_,
                 fmt::format("# exsolve fix reduce/oxygen {} (group {}): mu_O {} eV, T {} K, every {} steps, {} "
                             "attempts\n# step oxygen_id x y z dU_eV reduced_cation_ids...\n",
                             id, group->names[igroup], mu_oxygen_ev_, options_.temperature_k, nevery,
                             options_.attempts));

  // Trial removals take the oxygen out of every neighbor list through an exclusion group
  // (the fix gcmc full_energy way: exact for any pair style, manybody and kspace included).
  if (!exclusion_bit_) {
    const std::string group_id = std::string("exsolve_reduce_oxygen_excluded_") + id;
    group->assign(group_id + " subtract all all");
    exclusion_bit_ = group->bitmask[group->find(group_id)];
    neighbor->modify_params(fmt::format("exclude group {} all", group_id));
  }
}

// Global restart state: counters, the random generator's state, the next invocation, the
// vacancy sites of the reversible mode.
void FixReduceOxygen::write_restart(FILE *fp)
{
  std::vector<double> state = {attempts_, accepted_, cations_reduced_, neutrality_rejections_, last_delta_u_,
                               static_cast<double>(random_->state()), static_cast<double>(next_reneighbor), refills_,
                               static_cast<double>(vacancies_.size())};
  for (const Vacancy &v : vacancies_) {
    state.insert(state.end(), {v.x[0], v.x[1], v.x[2], static_cast<double>(v.oxygen_tag),
                               static_cast<double>(v.oxygen_type), static_cast<double>(v.oxygen_mask), v.oxygen_charge,
                               static_cast<double>(v.cation_tags.size())});
    for (std::size_t c = 0; c < v.cation_tags.size(); ++c)
      state.insert(state.end(), {static_cast<double>(v.cation_tags[c]), static_cast<double>(v.cation_types[c]),
                                 v.cation_charges[c]});
  }
  exsolve::write_restart_state(fp, state, comm->me);
}

void FixReduceOxygen::restart(char *buf)
{
  const auto *state = reinterpret_cast<const double *>(buf);
  attempts_ = state[0];
  accepted_ = state[1];
  cations_reduced_ = state[2];
  neutrality_rejections_ = state[3];
  last_delta_u_ = state[4];
  random_->reset(static_cast<int>(state[5]));
  next_reneighbor = static_cast<bigint>(state[6]);
  refills_ = state[7];
  const int n_vacancies = static_cast<int>(state[8]);
  int m = 9;
  vacancies_.clear();
  for (int k = 0; k < n_vacancies; ++k) {
    Vacancy v;
    for (int d = 0; d < 3; ++d) v.x[d] = state[m + d];
    v.oxygen_tag = static_cast<tagint>(state[m + 3]);
    v.oxygen_type = static_cast<int>(state[m + 4]);
    v.oxygen_mask = static_cast<int>(state[m + 5]);
    v.oxygen_charge = state[m + 6];
    const int n_cations = static_cast<int>(state[m + 7]);
    m += 8;
    for (int c = 0; c < n_cations; ++c, m += 3) {
      v.cation_tags.push_back(static_cast<tagint>(state[m]));
      v.cation_types.push_back(static_cast<int>(state[m + 1]));
      v.cation_charges.push_back(state[m + 2]);
    }
    vacancies_.push_back(v);
  }
  restarted_ = true;
}

double FixReduceOxygen::compute_vector(int n)
{
  switch (n) {
    case 0: return attempts_;
    case 1: return accepted_;
    case 2: return accepted_ - refills_;  // oxygens removed now
    case 3: return mu_oxygen_ev_;
    case 4: return options_.atmosphere == Atmosphere::PO2 ? options_.po2_atm
                   : options_.atmosphere == Atmosphere::H2_H2O
                       ? exsolve::thermo::po2_of_h2_h2o(options_.temperature_k, options_.h2_over_h2o) /
                             exsolve::thermo::BAR_PER_ATM
                       : 0.0;
    case 5: return attempts_ > 0 ? accepted_ / attempts_ : 0.0;
    case 6: return cations_reduced_;
    case 7: return neutrality_rejections_;
    case 8: return refills_;
    case 9: return last_delta_u_;
    default: return 0.0;
  }
}
