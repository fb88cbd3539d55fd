#include "fix_exchange_cations.h"

#include "compat.h"
#include "gather.h"
#include "restart_state.h"
#include "style_arguments.h"

#include "atom.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "force.h"
#include "group.h"
#include "random_park.h"
#include "update.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <mpi.h>

using namespace LAMMPS_NS;
using namespace FixConst;

namespace {

constexpr const char *SYNTAX =
    "fix ID group exchange/cations N M seed types <itype> <jtype> temperature <K> [distance <Å>] [file <events "
    "file>] [overwrite yes|no]";
constexpr int N_VECTOR = 3;

}  // namespace

FixExchangeCations::FixExchangeCations(LAMMPS *lmp, int narg, char **arg) :
    Fix(lmp, narg, arg), owned_(lmp, exsolve::OwnedAtoms::Role::WRITES_BACK), local_(lmp, "fix exchange/cations"), events_(lmp)
{
  parse_options(narg, arg);
  nevery = options_.every;
  vector_flag = 1;
  size_vector = N_VECTOR;
  global_freq = 1;
  extvector = 0;
  force_reneighbor = 1;
  next_reneighbor = -1;
  restart_global = 1;
  next_invocation_ = update->ntimestep + 1;
  // The same generator and seed on every rank: the same choices everywhere.
  random_ = new RanPark(lmp, options_.seed);
}

FixExchangeCations::~FixExchangeCations()
{
  delete random_;
}

void FixExchangeCations::parse_options(int narg, char **arg)
{
  exsolve::StyleArguments args(lmp, "fix exchange/cations", SYNTAX, narg, arg);
  args.require_at_least(9);
  options_.every = args.positive_int(3, "N (every how many steps)");
  options_.attempts = args.positive_int(4, "M (attempts per invocation)");
  options_.seed = args.positive_int(5, "seed");
  for (args.start_keywords(6); !args.done();) {
    const std::string keyword = args.keyword();
    if (keyword == "types") {
      options_.type_a = args.atom_type();
      options_.type_b = args.atom_type();
    } else if (keyword == "temperature") {
      options_.temperature_k = args.positive_number("a temperature in K", "K");
    } else if (keyword == "distance") {
      options_.distance = args.positive_number("a distance in Å", "Å");
    } else if (keyword == "file") {
      options_.event_file = args.word("an event file name");
    } else if (keyword == "overwrite") {
      options_.overwrite = args.yes_no();
    } else {
      args.unknown_keyword();
    }
  }
  if (!args.given("types")) args.missing_keyword("types");
  if (!args.given("temperature")) args.missing_keyword("temperature");
  if (options_.type_a == options_.type_b)
    error->all(FLERR, "fix exchange/cations: types {} {}: the two types must differ", options_.type_a,
               options_.type_b);
  if (strcmp(update->unit_style, "metal") != 0) error->all(FLERR, "fix exchange/cations: needs units metal");
  if (!atom->tag_enable) error->all(FLERR, "fix exchange/cations: needs atom IDs");
}

int FixExchangeCations::setmask()
{
  return POST_INTEGRATE | PRE_EXCHANGE;
}

void FixExchangeCations::init()
{
  if (domain->triclinic) error->all(FLERR, "fix exchange/cations: triclinic boxes are not supported");
  // A pair within `distance` lies at most that far apart; anywhere: the box decides.
  const std::string why_not = local_.why_not_local({options_.type_a, options_.type_b}, std::max(options_.distance, 0.0));
  if (!why_not.empty())
    error->all(FLERR, "fix exchange/cations: needs local energy differences, which are not exact for this model: {}",
               why_not);
  local_.setup({options_.type_a, options_.type_b}, std::max(options_.distance, 0.0));
  beta_ = 1.0 / (force->boltz * options_.temperature_k);
  if (next_invocation_ <= update->ntimestep || next_invocation_ > update->ntimestep + nevery)
    next_invocation_ = update->ntimestep + 1;
  next_reneighbor = -1;
  write_back_pending_ = false;
  owned_.build(std::max(local_.reach(), options_.distance));
  for (int type : {options_.type_a, options_.type_b})
    if (gathered_sites(type, nullptr, 0.0, 0).empty())
      error->all(FLERR, "fix exchange/cations: group '{}' has no atoms of type {}", group->names[igroup], type);
  if (!options_.event_file.empty() && !events_.is_open())
    events_.open("fix exchange/cations", options_.event_file, options_.overwrite, restarted_,
                 fmt::format("# exsolve fix exchange/cations {} (group {}): types {} {}, T {} K, every {} steps, {} "
                             "attempts\n# step id_of_type_{} id_of_type_{} dU_eV\n",
                             id, group->names[igroup], options_.type_a, options_.type_b, options_.temperature_k,
                             nevery, options_.attempts, options_.type_a, options_.type_b));
}

std::vector<FixExchangeCations::Site> FixExchangeCations::gathered_sites(int type, const double *centre, double within,
                                                                         tagint excluded)
{
  std::vector<double> local;  // x, y, z, ID, charge
  auto add = [&](const exsolve::OwnedAtoms::Atom &a) {
    if (a.present && a.type == type && (a.mask & groupbit) && a.tag != excluded)
      local.insert(local.end(), {a.x[0], a.x[1], a.x[2], static_cast<double>(a.tag), a.q});
  };
  if (centre) owned_.for_each_within(centre, within, [&](const exsolve::OwnedAtoms::Atom &a, double) { add(a); });
  else
    for (const exsolve::OwnedAtoms::Atom &a : owned_.atoms()) add(a);
  const std::vector<double> all = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  std::vector<Site> sites;
  for (std::size_t k = 0; k < all.size(); k += 5)
    sites.push_back({{all[k], all[k + 1], all[k + 2]}, static_cast<tagint>(all[k + 3]), all[k + 4]});
  std::sort(sites.begin(), sites.end(),
            [](const Site &a, const Site &b) { return exsolve::position_key(a.x) < exsolve::position_key(b.x); });
  return sites;
}

// Moves are decided before LAMMPS decides whether to rebuild its neighbor lists: only an
// invocation that accepted an exchange forces a rebuild; its changes reach the atom arrays
// in pre_exchange of the same step (as fix reduce/oxygen with local energies).
void FixExchangeCations::post_integrate()
{
  if (update->ntimestep != next_invocation_) return;
  local_.start_invocation();
  owned_.build(std::max(local_.reach(), options_.distance));
  sites_a_ = gathered_sites(options_.type_a, nullptr, 0.0, 0);
  sites_b_ = gathered_sites(options_.type_b, nullptr, 0.0, 0);
  for (int k = 0; k < options_.attempts; ++k) attempt();
  events_.flush();
  next_invocation_ = update->ntimestep + nevery;
  if (write_back_pending_) next_reneighbor = update->ntimestep;
}

void FixExchangeCations::pre_exchange()
{
  if (!write_back_pending_) return;
  owned_.write_back();
  write_back_pending_ = false;
}

void FixExchangeCations::attempt()
{
  attempts_ += 1.0;
  if (sites_a_.empty() || sites_b_.empty()) return;
  const int n_a = static_cast<int>(sites_a_.size());
  const int chosen_a = std::min(static_cast<int>(n_a * random_->uniform()), n_a - 1);
  const Site a = sites_a_[chosen_a];
  // The partner: any atom of the other type, or one within `distance` of the first. The
  // reverse move picks the same pair among the partners of the swapped atom (b's place):
  // the ratio of the two counts keeps detailed balance (Metropolis-Hastings).
  double forward = 1.0, reverse = 1.0;
  Site b;
  int chosen_b = -1;
  if (options_.distance < 0.0) {
    const int n_b = static_cast<int>(sites_b_.size());
    chosen_b = std::min(static_cast<int>(n_b * random_->uniform()), n_b - 1);
    b = sites_b_[chosen_b];
  } else {
    const std::vector<Site> near = gathered_sites(options_.type_b, a.x, options_.distance, 0);
    if (near.empty()) return;
    const int n_near = static_cast<int>(near.size());
    b = near[std::min(static_cast<int>(n_near * random_->uniform()), n_near - 1)];
    forward = n_near;
    // After the swap the atom at b's place has type a, and a's place (within distance) type b.
    reverse = static_cast<double>(gathered_sites(options_.type_b, b.x, options_.distance, b.tag).size()) + 1.0;
  }
  const std::vector<exsolve::AtomChange> move = {
      {{a.x[0], a.x[1], a.x[2]}, a.tag, options_.type_a, options_.type_b, a.q, b.q, true, true, 0},
      {{b.x[0], b.x[1], b.x[2]}, b.tag, options_.type_b, options_.type_a, b.q, a.q, true, true, 0}};
  const double delta_u = local_.delta(move, owned_);
  if (random_->uniform() >= forward / reverse * std::exp(-beta_ * delta_u)) return;
  // Its place in the list of the second type: searched only for an accepted exchange (a
  // scan over all of them would make every attempt cost as much as the system is large).
  if (chosen_b < 0)
    for (std::size_t k = 0; k < sites_b_.size() && chosen_b < 0; ++k)
      if (sites_b_[k].tag == b.tag) chosen_b = static_cast<int>(k);
  for (const exsolve::AtomChange &change : move) {
    const int index = owned_.find(change.tag);
    if (index >= 0) owned_.set_type_and_charge(index, change.type_after, change.q_after);
  }
  // The two lists follow: the atom at b's place is now of type a, and the reverse.
  sites_a_[chosen_a] = {{b.x[0], b.x[1], b.x[2]}, b.tag, a.q};
  sites_b_[chosen_b] = {{a.x[0], a.x[1], a.x[2]}, a.tag, b.q};
  write_back_pending_ = true;
  accepted_ += 1.0;
  last_delta_u_ = delta_u;
  if (events_.is_open())
    events_.write(fmt::format("{} {} {} {:.8g}\n", update->ntimestep, a.tag, b.tag, delta_u));
}

double FixExchangeCations::compute_vector(int n)
{
  switch (n) {
    case 0: return attempts_;
    case 1: return accepted_;
    case 2: return last_delta_u_;
    default: return 0.0;
  }
}

void FixExchangeCations::write_restart(FILE *fp)
{
  exsolve::write_restart_state(fp,
                               {attempts_, accepted_, last_delta_u_, static_cast<double>(random_->state()),
                                static_cast<double>(next_invocation_)},
                               comm->me);
}

void FixExchangeCations::restart(char *buf)
{
  const auto *state = reinterpret_cast<const double *>(buf);
  attempts_ = state[0];
  accepted_ = state[1];
  last_delta_u_ = state[2];
  random_->reset(static_cast<int>(state[3]));
  next_invocation_ = static_cast<bigint>(state[4]);
  restarted_ = true;
}
