// Arguments, set-up, output and restart of fix reduce/oxygen; the moves are in
// reduce_oxygen_moves.cpp.
#include "fix_reduce_oxygen.h"

#include "compat.h"
#include "fix_nanoparticle_track.h"
#include "restart_state.h"
#include "style_arguments.h"
#include "core/thermochemistry.h"

#include "atom.h"
#include "comm.h"
#include "compute.h"
#include "domain.h"
#include "error.h"
#include "force.h"
#include "group.h"
#include "modify.h"
#include "random_park.h"
#include "region.h"
#include "update.h"
#include "utils.h"

#include <cmath>
#include <cstring>
#include <mpi.h>
#include <string>

using namespace LAMMPS_NS;
using namespace FixConst;

static constexpr const char *SYNTAX =
    "fix ID group reduce/oxygen N M seed oxygen <type> (mu <eV> temperature <K> | atmosphere po2 <K> <atm> | "
    "atmosphere h2/h2o <K> <pH2/pH2O>) [reduce <itype> <jtype> <charge or electrons> ...] [reference <eV>] "
    "[cutoff <Å>] [region <ID>] [surface x|y|z <Å>] [file <events file>] [overwrite yes|no] [reversible yes|no] "
    "[energy auto|local|full] [uncharged yes|no] [near <track fix ID> <Å>] [far <track fix ID> <Å>] [limit <n>]";
static constexpr int N_VECTOR = 11;

FixReduceOxygen::FixReduceOxygen(LAMMPS *lmp, int narg, char **arg) :
    Fix(lmp, narg, arg), owned_(lmp, exsolve::OwnedAtoms::Role::WRITES_BACK), local_(lmp, "fix reduce/oxygen"), snapshot_(lmp), events_(lmp)
{
  parse_options(narg, arg);
  nevery = options_.every;
  vector_flag = 1;
  size_vector = N_VECTOR;
  global_freq = 1;
  extvector = 0;
  force_reneighbor = 1;
  restart_global = 1;
  next_invocation_ = update->ntimestep + 1;
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

  bool temperature_given = false, reference_given = false, uncharged_given = false;
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
      r.new_charge = args.number("the reduced cation's charge (without charges: the electrons it takes)");
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
    } else if (keyword == "energy") {
      const std::string mode = args.word("auto, local or full");
      if (mode == "auto") options_.energy = EnergyMode::AUTO;
      else if (mode == "local") options_.energy = EnergyMode::LOCAL;
      else if (mode == "full") options_.energy = EnergyMode::FULL;
      else error->all(FLERR, "fix reduce/oxygen: keyword energy expects auto, local or full, got '{}'", mode);
    } else if (keyword == "near" || keyword == "far") {
      ParticleFilter filter;
      filter.near = keyword == "near";
      filter.track_id = args.word("the ID of a fix nanoparticle/track");
      filter.distance = args.positive_number("a distance in Å", "Å", keyword + " distance");
      options_.particle_filters.push_back(filter);
    } else if (keyword == "limit") {
      options_.limit = static_cast<double>(args.integer(1, MAXSMALLINT, "a number of removals >= 1"));
    } else if (keyword == "uncharged") {
      options_.uncharged = args.yes_no();
      uncharged_given = true;
    } else if (keyword == "cutoff") {
      options_.cutoff = args.positive_number("a distance in Å", "Å");
    } else {
      args.unknown_keyword();
    }
  }
  if (!args.given("oxygen")) args.missing_keyword("oxygen");
  // Without charges in the atom style, moves are charge-free unless asked otherwise.
  if (!atom->q_flag) {
    if (uncharged_given && !options_.uncharged)
      error->all(FLERR, "fix reduce/oxygen: uncharged no needs atom charges (an atom style with q, e.g. atom_style "
                 "charge)");
    options_.uncharged = true;
  }
  if (options_.uncharged)
    for (const Reduction &r : options_.reductions)
      if (r.new_charge <= 0.0)
        error->all(FLERR, "fix reduce/oxygen: reduce {} {} {}: without charges the third value is the number of "
                   "electrons the cation takes (of the two an oxygen vacancy leaves), > 0", r.from_type, r.to_type,
                   r.new_charge);
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
  return POST_INTEGRATE | PRE_EXCHANGE;
}

namespace {

// The charge of some atom of this type on any rank; false if there is none.
bool charge_of_type(LAMMPS *lmp, int type, double &charge)
{
  Atom *atom = lmp->atom;
  struct {
    double found;
    int rank;
  } mine{0.0, lmp->comm->me}, owner;
  for (int i = 0; i < atom->nlocal && mine.found == 0.0; ++i)
    if (atom->type[i] == type) {
      charge = atom->q[i];
      mine.found = 1.0;
    }
  MPI_Allreduce(&mine, &owner, 1, MPI_DOUBLE_INT, MPI_MAXLOC, lmp->world);
  if (owner.found == 0.0) return false;
  MPI_Bcast(&charge, 1, MPI_DOUBLE, owner.rank, lmp->world);
  return true;
}

}  // namespace

std::string FixReduceOxygen::charge_equilibration_fix() const
{
  for (Fix *fix : exsolve::compat::fixes(modify)) {
    const std::string style = fix->style;
    if (style.compare(0, 4, "qeq/") == 0 || style.compare(0, 5, "acks2") == 0) return fix->id;
  }
  return "";
}

void FixReduceOxygen::check_neutrality_possible()
{
  if (charges_equilibrated_) return;
  if (options_.uncharged) {
    double oxygen_charge = 0.0;
    if (atom->q_flag && charge_of_type(lmp, options_.oxygen_type, oxygen_charge) &&
        std::fabs(oxygen_charge) > CHARGE_TOLERANCE)
      error->all(FLERR, "fix reduce/oxygen: uncharged yes, but oxygen of type {} carries charge {}: its removal would "
                 "leave the system charged", options_.oxygen_type, oxygen_charge);
    // Two electrons per vacancy: some reducible cation must take a whole fraction of them.
    if (options_.reductions.empty()) return;
    for (const Reduction &r : options_.reductions) {
      const double count = 2.0 / r.new_charge;
      if (count > 0.5 && std::fabs(count - std::round(count)) < 1e-6) return;
    }
    error->all(FLERR, "fix reduce/oxygen: the two electrons of an oxygen vacancy can never be taken up by the reduce "
               "settings (electrons per cation must divide 2)");
  }
  // The oxygen charge must be a whole multiple of some cation's charge change, or no
  // removal could ever keep the system neutral.
  double oxygen_charge = 0.0;
  if (!charge_of_type(lmp, options_.oxygen_type, oxygen_charge)) return;  // no oxygen left: nothing to check
  bool possible = std::fabs(oxygen_charge) < CHARGE_TOLERANCE;
  for (int type = 1; type <= atom->ntypes && !possible; ++type) {
    const Reduction *r = reduction_of(type);
    double cation_charge = 0.0;
    if (!r || !charge_of_type(lmp, type, cation_charge)) continue;
    const double change = r->new_charge - cation_charge;
    if (std::fabs(change) < CHARGE_TOLERANCE) continue;
    const double count = oxygen_charge / change;
    possible = count > 0.5 && std::fabs(count - std::round(count)) < 1e-6;
  }
  if (!possible)
    error->all(FLERR, "fix reduce/oxygen: removing an oxygen of charge {} can never be compensated by the "
               "reduce settings (charge changes must add up to the oxygen's charge; {})", oxygen_charge,
               options_.reductions.empty() ? "no reduce keyword is given" : "see the reduce keywords");
}

void FixReduceOxygen::init()
{
  if (domain->triclinic) error->all(FLERR, "fix reduce/oxygen: triclinic boxes are not supported yet");
  choose_energy_mode();
  const std::string equilibration = charge_equilibration_fix();
  charges_equilibrated_ = !equilibration.empty() && charged();
  if (charges_equilibrated_ && !options_.reductions.empty())
    error->all(FLERR, "fix reduce/oxygen: fix {} equilibrates the charges after every move, so no cation is reduced "
               "by hand: drop the reduce keywords", equilibration);
  pe_ = exsolve::compat::find_compute(modify, "thermo_pe");
  if (!local_energy_ && !pe_) error->all(FLERR, "fix reduce/oxygen: needs the thermo_pe compute");
  beta_ = 1.0 / (force->boltz * options_.temperature_k);
  // A group without oxygen (and no vacancy to refill) is a mistake, not a quiet no-op,
  // unless this fix removed them all.
  for (const ParticleFilter &filter : options_.particle_filters) {
    Fix *fix = exsolve::compat::find_fix(modify, filter.track_id);
    const char *keyword = filter.near ? "near" : "far";
    if (!fix) error->all(FLERR, "fix reduce/oxygen: {}: no fix with ID '{}'", keyword, filter.track_id);
    if (!dynamic_cast<FixNanoparticleTrack *>(fix))
      error->all(FLERR, "fix reduce/oxygen: {}: fix '{}' is a fix {}, expected a fix nanoparticle/track", keyword,
                 filter.track_id, fix->style);
  }
  // (Particles are identified after init: the count ignores near/far.)
  owned_.build(cell_size());
  candidates_valid_ = false;
  const bool no_candidates = candidates(false).empty();
  candidates_valid_ = false;
  if (no_candidates && vacancies_.empty()) {
    if (accepted_ == 0.0)
      error->all(FLERR, "fix reduce/oxygen: group '{}' has no atoms of oxygen type {} (within the region/surface "
                 "selection, if any)", group->names[igroup], options_.oxygen_type);
    if (comm->me == 0)
      error->warning(FLERR, "fix reduce/oxygen: no candidate oxygen is left in group '{}' ({} removed by this fix "
                     "so far); nothing to do", group->names[igroup], accepted_);
  }
  // The first invocation is on the run's next step unless the schedule (or a restart)
  // already falls within the next N steps; reset_timestep may have moved the clock.
  if (next_invocation_ <= update->ntimestep || next_invocation_ > update->ntimestep + nevery)
    next_invocation_ = update->ntimestep + 1;
  // Full energies rebuild the neighbor lists on every invocation; local ones only where a
  // move was accepted (post_integrate).
  next_reneighbor = local_energy_ ? -1 : next_invocation_;
  write_back_pending_ = false;
  check_neutrality_possible();

  if (!options_.event_file.empty() && !events_.is_open())
    events_.open("fix reduce/oxygen", options_.event_file, options_.overwrite, restarted_,
                 fmt::format("# exsolve fix reduce/oxygen {} (group {}): mu_O {} eV, T {} K, every {} steps, {} "
                             "attempts\n# step oxygen_id x y z dU_eV reduced_cation_ids...\n",
                             id, group->names[igroup], mu_oxygen_ev_, options_.temperature_k, nevery,
                             options_.attempts));
}

// Global restart state: counters, the random generator's state, the next invocation, the
// vacancy sites of the reversible mode.
void FixReduceOxygen::write_restart(FILE *fp)
{
  std::vector<double> state = {attempts_, accepted_, cations_reduced_, neutrality_rejections_, last_delta_u_,
                               static_cast<double>(random_->state()), static_cast<double>(next_invocation_), refills_,
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
  next_invocation_ = static_cast<bigint>(state[6]);
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
    case 10: return invocation_seconds_;
    default: return 0.0;
  }
}
