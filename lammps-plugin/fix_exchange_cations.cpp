#include "fix_exchange_cations.h"

#include "compat.h"
#include "gather.h"
#include "style_arguments.h"

#include "atom.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "group.h"
#include "update.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mpi.h>

using namespace LAMMPS_NS;
using namespace FixConst;

namespace {

constexpr const char *SYNTAX =
    "fix ID group exchange/cations N M seed types <itype> <jtype> temperature <K> [distance <Å> | deltamu <eV>] "
    "[decide before_forces|after_forces] [file <events file>] [overwrite yes|no]";

}  // namespace

FixExchangeCations::FixExchangeCations(LAMMPS *lmp, int narg, char **arg)
    : FixLocalMonteCarlo(lmp, narg, arg, "fix exchange/cations")
{
  parse_options(narg, arg);
  start(options_.every, options_.attempts, options_.seed, 1);
  // An exchange swaps the types and charges of two atoms.
  set_retyping_only({options_.type_a, options_.type_b});
  if (options_.after_forces) decide_after_forces();
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
    } else if (keyword == "deltamu") {
      options_.semi_grand = true;
      options_.deltamu = args.number("a chemical potential difference in eV");
    } else if (keyword == "decide") {
      options_.after_forces = args.choice({"before_forces", "after_forces"}) == 1;
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
  if (args.given("distance") && options_.semi_grand)
    error->all(FLERR, "fix exchange/cations: distance and deltamu exclude each other (deltamu: one atom changes "
                      "type, there is no partner)");
  if (options_.type_a == options_.type_b)
    error->all(FLERR, "fix exchange/cations: types {} {}: the two types must differ", options_.type_a, options_.type_b);
  if (strcmp(update->unit_style, "metal") != 0) error->all(FLERR, "fix exchange/cations: needs units metal");
  if (!atom->tag_enable) error->all(FLERR, "fix exchange/cations: needs atom IDs");
}

void FixExchangeCations::init()
{
  if (domain->triclinic) error->all(FLERR, "fix exchange/cations: triclinic boxes are not supported");
  // A pair within `distance` lies at most that far apart; anywhere: the box decides.
  const std::string why_not =
      local_.why_not_local({options_.type_a, options_.type_b}, std::max(options_.distance, 0.0));
  if (!why_not.empty())
    error->all(FLERR, "fix exchange/cations: needs local energy differences, which are not exact for this model: {}",
               why_not);
  local_.setup({options_.type_a, options_.type_b}, std::max(options_.distance, 0.0));
  init_schedule(options_.temperature_k);
  owned_.build(cell_size());
  // An exchange needs atoms of both types; a change of type atoms of either.
  sites_a_ = gathered_sites(options_.type_a, nullptr, 0.0, 0);
  sites_b_ = gathered_sites(options_.type_b, nullptr, 0.0, 0);
  const bool no_a = sites_a_.empty(), no_b = sites_b_.empty();
  if (options_.semi_grand && no_a && no_b)
    error->all(FLERR, "fix exchange/cations: group '{}' has no atoms of type {} or {}", group->names[igroup],
               options_.type_a, options_.type_b);
  if (!options_.semi_grand && (no_a || no_b))
    error->all(FLERR, "fix exchange/cations: group '{}' has no atoms of type {}", group->names[igroup],
               no_a ? options_.type_a : options_.type_b);
  if (options_.semi_grand) require_one_charge();
  if (!options_.event_file.empty() && !events_.is_open())
    events_.open("fix exchange/cations", options_.event_file, options_.overwrite, restarted_, header());
}

std::string FixExchangeCations::header() const
{
  const Options &o = options_;
  const std::string settings =
      fmt::format("# exsolve fix exchange/cations {} (group {}): types {} {}, T {} K, every {} steps, {} attempts{}",
                  id, group->names[igroup], o.type_a, o.type_b, o.temperature_k, nevery, o.attempts,
                  o.after_forces ? ", decided after the step's forces" : "");
  if (o.semi_grand)
    return fmt::format("{}, deltamu {} eV\n# step id type_before type_after dU_eV\n", settings, o.deltamu);
  return fmt::format("{}\n# step id_of_type_{} id_of_type_{} dU_eV\n", settings, o.type_a, o.type_b);
}

std::vector<FixExchangeCations::Site> FixExchangeCations::gathered_sites(int type, const Site *centre, double within,
                                                                         tagint excluded)
{
  std::vector<double> local;  // x, y, z, ID, charge
  auto add = [&](const exsolve::OwnedAtoms::Atom &a) {
    if (is_site(a, type, excluded))
      local.insert(local.end(), {a.x[0], a.x[1], a.x[2], static_cast<double>(a.tag), a.q});
  };
  if (centre)
    owned_.for_each_within_atom(centre->tag, centre->x, within,
                                [&](const exsolve::OwnedAtoms::Atom &a, double) { add(a); });
  else
    for (const exsolve::OwnedAtoms::Atom &a : owned_.atoms()) add(a);
  const std::vector<double> all = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  std::vector<Site> sites;
  for (std::size_t k = 0; k < all.size(); k += 5)
    sites.push_back({{all[k], all[k + 1], all[k + 2]}, static_cast<tagint>(all[k + 3]), all[k + 4]});
  exsolve::sort_by_position(sites, [](const Site &site) { return site.x; });
  return sites;
}

void FixExchangeCations::sites_from_copy()
{
  // A kept copy holds the same atoms at the same indices and places (types change, by this
  // fix's moves alone): their order by position holds. The group is tested anew (is_site).
  if (by_position_.empty() || !owned_.kept_unchanged()) {
    by_position_.clear();
    const std::vector<exsolve::OwnedAtoms::Atom> &atoms = owned_.atoms();
    for (std::size_t i = 0; i < atoms.size(); ++i)
      if (atoms[i].present && (atoms[i].type == options_.type_a || atoms[i].type == options_.type_b))
        by_position_.push_back(static_cast<int>(i));
    exsolve::sort_by_position(by_position_, [&](int i) { return atoms[i].x; });
  }
  sites_a_.clear();
  sites_b_.clear();
  for (const int i : by_position_) {
    const exsolve::OwnedAtoms::Atom &a = owned_.atom_at(i);
    if (is_site(a, options_.type_a, 0)) sites_a_.push_back({{a.x[0], a.x[1], a.x[2]}, a.tag, a.q});
    else if (is_site(a, options_.type_b, 0)) sites_b_.push_back({{a.x[0], a.x[1], a.x[2]}, a.tag, a.q});
  }
}

int FixExchangeCations::count_sites(int type, const Site &centre, double within, tagint excluded)
{
  int count = 0;
  owned_.for_each_within_atom(centre.tag, centre.x, within, [&](const exsolve::OwnedAtoms::Atom &a, double) {
    if (is_site(a, type, excluded)) ++count;
  });
  if (comm->nprocs == 1) return count;
  int total = 0;
  MPI_Allreduce(&count, &total, 1, MPI_INT, MPI_SUM, world);
  return total;
}

double FixExchangeCations::compute_vector(int n)
{
  if (n == 3) return invocations_with_computed_densities();
  return FixLocalMonteCarlo::compute_vector(n);
}

double FixExchangeCations::cell_size() const
{
  return std::max(local_.reach(), options_.distance);
}

void FixExchangeCations::setup(int vflag)
{
  // The copy is built anew here.
  by_position_.clear();
  FixLocalMonteCarlo::setup(vflag);
}

void FixExchangeCations::start_invocation()
{
  if (comm->nprocs == 1) {
    sites_from_copy();
  } else {
    sites_a_ = gathered_sites(options_.type_a, nullptr, 0.0, 0);
    sites_b_ = gathered_sites(options_.type_b, nullptr, 0.0, 0);
  }
  // Another fix may have changed charges since init (fix reduce/oxygen recharges the atoms it
  // reduces).
  if (options_.semi_grand) require_one_charge();
}

void FixExchangeCations::require_one_charge() const
{
  const Site *first = !sites_a_.empty() ? &sites_a_.front() : !sites_b_.empty() ? &sites_b_.front() : nullptr;
  for (const std::vector<Site> *sites : {&sites_a_, &sites_b_})
    for (const Site &site : *sites)
      if (site.q != first->q)
        error->all(FLERR,
                   "fix exchange/cations: deltamu changes the type of an atom and keeps its charge, but atoms of "
                   "types {} and {} carry different charges ({} on atom {}, {} on atom {}): a change would charge "
                   "the system",
                   options_.type_a, options_.type_b, first->q, first->tag, site.q, site.tag);
}

void FixExchangeCations::keep_kinetic_energy(const std::vector<exsolve::AtomChange> &move)
{
  // Per-atom masses do not follow the type.
  if (atom->rmass_flag) return;
  for (const exsolve::AtomChange &c : move) {
    const int index = owned_.find(c.tag);
    if (index < 0) continue;  // another rank owns it
    const int i = owned_.atom_at(index).local_index;
    const double scale = std::sqrt(atom->mass[c.type_before] / atom->mass[c.type_after]);
    for (int d = 0; d < 3; ++d) atom->v[i][d] *= scale;
  }
}

void FixExchangeCations::attempt()
{
  if (options_.semi_grand) attempt_change_of_type();
  else attempt_exchange();
}

void FixExchangeCations::attempt_change_of_type()
{
  const int n_a = static_cast<int>(sites_a_.size());
  const int n_sites = n_a + static_cast<int>(sites_b_.size());
  if (n_sites == 0) return;
  // Every site is chosen with probability 1/n_sites, before and after a change: the proposal
  // is symmetric.
  const int chosen = choose(n_sites);
  const bool from_a = chosen < n_a;
  std::vector<Site> &from = from_a ? sites_a_ : sites_b_;
  std::vector<Site> &to = from_a ? sites_b_ : sites_a_;
  const int index = from_a ? chosen : chosen - n_a;
  const Site site = from[index];
  const int type_before = from_a ? options_.type_a : options_.type_b;
  const int type_after = from_a ? options_.type_b : options_.type_a;
  const std::vector<exsolve::AtomChange> move = {
      {{site.x[0], site.x[1], site.x[2]}, site.tag, type_before, type_after, site.q, site.q, true, true, 0}};
  const double delta_u = local_.delta(move, owned_);
  // The reservoir gives mu_b - mu_a for an atom that becomes of type b.
  const double delta_mu = from_a ? options_.deltamu : -options_.deltamu;
  if (!metropolis(delta_u - delta_mu, 1.0)) return;
  local_.apply(move, owned_);
  keep_kinetic_energy(move);
  // The site joins the other list; the last one fills its place (the same on every rank).
  to.push_back(site);
  from[index] = from.back();
  from.pop_back();
  accepted(delta_u);
  if (events_.is_open())
    events_.write(fmt::format("{} {} {} {} {:.8g}\n", update->ntimestep, site.tag, type_before, type_after, delta_u));
}

void FixExchangeCations::attempt_exchange()
{
  if (sites_a_.empty() || sites_b_.empty()) return;
  const int chosen_a = choose(static_cast<int>(sites_a_.size()));
  const Site a = sites_a_[chosen_a];
  // The partner: any atom of the other type, or one within `distance` of the first. The
  // reverse move picks the same pair among the partners of the swapped atom (b's place):
  // the ratio of the two counts keeps detailed balance (Metropolis-Hastings).
  double forward = 1.0, reverse = 1.0;
  Site b;
  int chosen_b = -1;
  if (options_.distance < 0.0) {
    chosen_b = choose(static_cast<int>(sites_b_.size()));
    b = sites_b_[chosen_b];
  } else {
    const std::vector<Site> near = gathered_sites(options_.type_b, &a, options_.distance, 0);
    if (near.empty()) return;
    const int n_near = static_cast<int>(near.size());
    b = near[choose(n_near)];
    forward = n_near;
    // After the swap the atom at b's place has type a, and a's place (within distance) type b.
    reverse = static_cast<double>(count_sites(options_.type_b, b, options_.distance, b.tag)) + 1.0;
  }
  const std::vector<exsolve::AtomChange> move = {
      {{a.x[0], a.x[1], a.x[2]}, a.tag, options_.type_a, options_.type_b, a.q, b.q, true, true, 0},
      {{b.x[0], b.x[1], b.x[2]}, b.tag, options_.type_b, options_.type_a, b.q, a.q, true, true, 0}};
  const double delta_u = local_.delta(move, owned_);
  if (!metropolis(delta_u, forward / reverse)) return;
  // Its place in the list of the second type: searched only for an accepted exchange (a
  // scan over all of them would make every attempt cost as much as the system is large).
  if (chosen_b < 0)
    for (std::size_t k = 0; k < sites_b_.size() && chosen_b < 0; ++k)
      if (sites_b_[k].tag == b.tag) chosen_b = static_cast<int>(k);
  local_.apply(move, owned_);
  keep_kinetic_energy(move);
  // The two lists follow: the atom at b's place is now of type a, and the reverse.
  sites_a_[chosen_a] = {{b.x[0], b.x[1], b.x[2]}, b.tag, a.q};
  sites_b_[chosen_b] = {{a.x[0], a.x[1], a.x[2]}, a.tag, b.q};
  accepted(delta_u);
  if (events_.is_open()) events_.write(fmt::format("{} {} {} {:.8g}\n", update->ntimestep, a.tag, b.tag, delta_u));
}
