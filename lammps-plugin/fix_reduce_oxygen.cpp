// Set-up, output and restart of fix reduce/oxygen; its arguments are read in
// reduce_oxygen_arguments.cpp, the moves are in reduce_oxygen_moves.cpp.
#include "fix_reduce_oxygen.h"

#include "compat.h"
#include "restart_state.h"
#include "core/thermochemistry.h"

#include "atom.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "force.h"
#include "group.h"
#include "modify.h"
#include "random_park.h"
#include "update.h"
#include "utils.h"

#include <cmath>
#include <mpi.h>
#include <string>

using namespace LAMMPS_NS;
using namespace FixConst;

static constexpr int N_VECTOR = 12;

FixReduceOxygen::FixReduceOxygen(LAMMPS *lmp, int narg, char **arg)
    : Fix(lmp, narg, arg), owned_(lmp, exsolve::OwnedAtoms::Role::WRITES_BACK), candidates_(lmp, owned_), events_(lmp)
{
  parse_arguments(narg, arg);
  validate_options();
  options_.candidates.groupbit = groupbit;
  candidates_.set_rules(options_.candidates);
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
    if (atom->q_flag && charge_of_type(lmp, options_.candidates.oxygen_type, oxygen_charge) &&
        std::fabs(oxygen_charge) > CHARGE_TOLERANCE)
      error->all(FLERR,
                 "fix reduce/oxygen: uncharged yes, but oxygen of type {} carries charge {}: its removal would "
                 "leave the system charged",
                 options_.candidates.oxygen_type, oxygen_charge);
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
  if (!charge_of_type(lmp, options_.candidates.oxygen_type, oxygen_charge)) return;  // no oxygen left: nothing to check
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
    error->all(FLERR,
               "fix reduce/oxygen: removing an oxygen of charge {} can never be compensated by the "
               "reduce settings (charge changes must add up to the oxygen's charge; {})",
               oxygen_charge, options_.reductions.empty() ? "no reduce keyword is given" : "see the reduce keywords");
}

void FixReduceOxygen::init()
{
  if (domain->triclinic) error->all(FLERR, "fix reduce/oxygen: triclinic boxes are not supported yet");
  energy_ = choose_energy();
  const std::string equilibration = charge_equilibration_fix();
  charges_equilibrated_ = !equilibration.empty() && charged();
  if (charges_equilibrated_ && !options_.reductions.empty())
    error->all(FLERR,
               "fix reduce/oxygen: fix {} equilibrates the charges after every move, so no cation is reduced "
               "by hand: drop the reduce keywords",
               equilibration);
  beta_ = 1.0 / (force->boltz * options_.temperature_k);
  candidates_.check_filters();
  // A group without oxygen (and no vacancy to refill) is a mistake, not a quiet no-op,
  // unless this fix removed them all.
  // (Particles are identified after init: the count ignores near/far.)
  owned_.build(cell_size());
  candidates_.start_invocation(true);
  const bool no_candidates = candidates_.count(false) == 0;
  if (no_candidates && vacancies_.empty()) {
    if (accepted_ == 0.0)
      error->all(FLERR,
                 "fix reduce/oxygen: group '{}' has no atoms of oxygen type {} (within the region/surface "
                 "selection, if any)",
                 group->names[igroup], options_.candidates.oxygen_type);
    if (comm->me == 0)
      error->warning(FLERR,
                     "fix reduce/oxygen: no candidate oxygen is left in group '{}' ({} removed by this fix "
                     "so far); nothing to do",
                     group->names[igroup], accepted_);
  }
  // The first invocation is on the run's next step unless the schedule (or a restart)
  // already falls within the next N steps; reset_timestep may have moved the clock.
  if (next_invocation_ <= update->ntimestep || next_invocation_ > update->ntimestep + nevery)
    next_invocation_ = update->ntimestep + 1;
  // Full energies rebuild the neighbor lists on every invocation; local ones only where a
  // move was accepted (post_integrate).
  next_reneighbor = energy_->trials_change_atom_arrays() ? next_invocation_ : -1;
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
  std::vector<double> state = {attempts_,
                               accepted_,
                               cations_reduced_,
                               neutrality_rejections_,
                               last_delta_u_,
                               static_cast<double>(random_->state()),
                               static_cast<double>(next_invocation_),
                               refills_,
                               static_cast<double>(vacancies_.size())};
  for (const Vacancy &v : vacancies_) {
    state.insert(state.end(),
                 {v.x[0], v.x[1], v.x[2], static_cast<double>(v.oxygen_tag), static_cast<double>(v.oxygen_type),
                  static_cast<double>(v.oxygen_mask), v.oxygen_charge, static_cast<double>(v.cation_tags.size())});
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
    case 4:
      return options_.atmosphere == Atmosphere::PO2 ? options_.po2_atm
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
    case 11: return kept_copies_;
    default: return 0.0;
  }
}
