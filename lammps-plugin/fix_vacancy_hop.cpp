#include "fix_vacancy_hop.h"

#include "gather.h"
#include "lammps_box.h"
#include "style_arguments.h"

#include "atom.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "group.h"
#include "update.h"
#include "utils.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mpi.h>

using namespace LAMMPS_NS;
using namespace FixConst;

namespace {

constexpr const char *SYNTAX =
    "fix ID group vacancy/hop N M seed oxygen <type> sites <type> [<type> ...] spacing <Å> temperature <K> "
    "[file <events file>] [overwrite yes|no]";
constexpr int OCCUPANT_ROW = 8;  // site, x, y, z, ID, charge, in group, mask

}  // namespace

FixVacancyHop::FixVacancyHop(LAMMPS *lmp, int narg, char **arg) : FixLocalMonteCarlo(lmp, narg, arg, "fix vacancy/hop")
{
  parse_options(narg, arg);
  start(options_.every, options_.attempts, options_.seed, 1);
  // Nearest oxygen sites of a perovskite lie a / sqrt(2) apart, the next ones a: 0.15 a of
  // thermal motion either way keeps the first and leaves out the second.
  hop_distance_ = options_.spacing * (1.0 / std::sqrt(2.0) + 0.15);
  // Sites are a / sqrt(2) apart: a quarter of the spacing is closer to one site than to any other.
  occupied_within_ = 0.25 * options_.spacing;
}

void FixVacancyHop::parse_options(int narg, char **arg)
{
  exsolve::StyleArguments args(lmp, "fix vacancy/hop", SYNTAX, narg, arg);
  args.require_at_least(12);
  options_.every = args.positive_int(3, "N (every how many steps)");
  options_.attempts = args.positive_int(4, "M (attempts per invocation)");
  options_.seed = args.positive_int(5, "seed");
  for (args.start_keywords(6); !args.done();) {
    const std::string keyword = args.keyword();
    if (keyword == "oxygen") {
      options_.oxygen_type = args.atom_type();
    } else if (keyword == "sites") {
      options_.site_types.push_back(args.atom_type());
      while (args.peek() && utils::is_integer(args.peek())) options_.site_types.push_back(args.atom_type());
    } else if (keyword == "spacing") {
      options_.spacing = args.positive_number("the lattice spacing in Å", "Å");
    } else if (keyword == "temperature") {
      options_.temperature_k = args.positive_number("a temperature in K", "K");
    } else if (keyword == "file") {
      options_.event_file = args.word("an event file name");
    } else if (keyword == "overwrite") {
      options_.overwrite = args.yes_no();
    } else {
      args.unknown_keyword();
    }
  }
  for (const char *required : {"oxygen", "sites", "spacing", "temperature"})
    if (!args.given(required)) args.missing_keyword(required);
  for (int type : options_.site_types)
    if (type == options_.oxygen_type)
      error->all(FLERR, "fix vacancy/hop: type {} is both the oxygen type and a site (B cation) type", type);
  if (strcmp(update->unit_style, "metal") != 0) error->all(FLERR, "fix vacancy/hop: needs units metal");
  if (!atom->tag_enable) error->all(FLERR, "fix vacancy/hop: needs atom IDs");
}

void FixVacancyHop::init()
{
  if (domain->triclinic) error->all(FLERR, "fix vacancy/hop: triclinic boxes are not supported");
  // The oxygen's two places lie at most a hop apart.
  const std::string why_not = local_.why_not_local({options_.oxygen_type}, hop_distance_);
  if (!why_not.empty())
    error->all(FLERR, "fix vacancy/hop: needs local energy differences, which are not exact for this model: {}",
               why_not);
  local_.setup({options_.oxygen_type}, hop_distance_);
  init_schedule(options_.temperature_k);
  owned_.build(cell_size());
  find_sites();
  if (sites_->positions().empty())
    error->all(FLERR,
               "fix vacancy/hop: no two atoms of the site types are {:.6g} Å (spacing) +- 25 % apart: no "
               "oxygen sites; check sites and spacing",
               options_.spacing);
  if (occupants_.empty())
    error->all(FLERR, "fix vacancy/hop: no atom of oxygen type {} sits within {:.6g} Å of an oxygen site",
               options_.oxygen_type, occupied_within_);
  // Not an error: vacancies may appear during the run (fix reduce/oxygen makes them).
  if (vacant_.empty() && comm->me == 0)
    error->warning(FLERR,
                   "fix vacancy/hop: no vacant oxygen site: all {} sites hold an oxygen of type {}; no hop "
                   "can happen until a vacancy appears",
                   sites_->positions().size(), options_.oxygen_type);
  if (!options_.event_file.empty() && !events_.is_open())
    events_.open("fix vacancy/hop", options_.event_file, options_.overwrite, restarted_,
                 fmt::format("# exsolve fix vacancy/hop {} (group {}): oxygen type {}, spacing {} Å, T {} K, every {} "
                             "steps, {} attempts\n# step id x_before y_before z_before x_after y_after z_after dU_eV\n",
                             id, group->names[igroup], options_.oxygen_type, options_.spacing, options_.temperature_k,
                             nevery, options_.attempts));
}

void FixVacancyHop::find_sites()
{
  // The B cations, the same list in the same order on every rank.
  std::vector<double> local;
  for (const exsolve::OwnedAtoms::Atom &a : owned_.atoms())
    if (a.present &&
        std::find(options_.site_types.begin(), options_.site_types.end(), a.type) != options_.site_types.end())
      local.insert(local.end(), {a.x[0], a.x[1], a.x[2]});
  const std::vector<double> all_b = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  std::vector<exsolve::core::Vec3> b;
  for (std::size_t k = 0; k < all_b.size(); k += 3) b.push_back({{all_b[k], all_b[k + 1], all_b[k + 2]}});
  exsolve::sort_by_position(b, [](const exsolve::core::Vec3 &p) { return p.data(); });
  sites_ = std::make_unique<exsolve::core::PerovskiteOxygenSites>(b, exsolve::box_of(domain), options_.spacing,
                                                                  hop_distance_);
  // The oxygens on the sites, every rank's.
  local.clear();
  for (const exsolve::OwnedAtoms::Atom &a : owned_.atoms()) {
    if (!a.present || a.type != options_.oxygen_type) continue;
    const int site = sites_->site_at({{a.x[0], a.x[1], a.x[2]}}, occupied_within_);
    if (site < 0) continue;
    local.insert(local.end(), {static_cast<double>(site), a.x[0], a.x[1], a.x[2], static_cast<double>(a.tag), a.q,
                               (a.mask & groupbit) ? 1.0 : 0.0, static_cast<double>(a.mask)});
  }
  const std::vector<double> all_o = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  occupant_of_site_.assign(sites_->positions().size(), -1);
  occupants_.clear();
  for (std::size_t k = 0; k < all_o.size(); k += OCCUPANT_ROW) {
    const int site = static_cast<int>(all_o[k]);
    if (occupant_of_site_[site] >= 0)
      error->all(FLERR,
                 "fix vacancy/hop: atoms {} and {} both sit within {:.6g} Å of the oxygen site at ({:.6g}, "
                 "{:.6g}, {:.6g})",
                 occupants_[occupant_of_site_[site]].tag, static_cast<tagint>(all_o[k + 4]), occupied_within_,
                 sites_->positions()[site][0], sites_->positions()[site][1], sites_->positions()[site][2]);
    occupant_of_site_[site] = static_cast<int>(occupants_.size());
    occupants_.push_back({{all_o[k + 1], all_o[k + 2], all_o[k + 3]},
                          static_cast<tagint>(all_o[k + 4]),
                          all_o[k + 5],
                          all_o[k + 6] != 0.0,
                          static_cast<int>(all_o[k + 7])});
  }
  vacant_.clear();
  for (std::size_t s = 0; s < occupant_of_site_.size(); ++s)
    if (occupant_of_site_[s] < 0) vacant_.push_back(static_cast<int>(s));
}

int FixVacancyHop::movable_neighbours(int site, std::vector<int> *which) const
{
  int count = 0;
  for (int t : sites_->neighbours(site, hop_distance_)) {
    const int o = occupant_of_site_[t];
    if (o < 0 || !occupants_[o].in_group) continue;
    ++count;
    if (which) which->push_back(t);
  }
  return count;
}

double FixVacancyHop::cell_size() const
{
  return std::max(local_.reach(), hop_distance_);
}

void FixVacancyHop::attempt()
{
  if (vacant_.empty()) return;
  // A vacancy, then an oxygen of the group on a site next to it. The reverse move picks the
  // oxygen's old site (now vacant; the number of vacancies does not change) and the oxygen
  // among the group's oxygens next to that site: the ratio of the two counts keeps detailed
  // balance (Metropolis-Hastings).
  const int chosen = choose(static_cast<int>(vacant_.size()));
  const int to = vacant_[chosen];
  std::vector<int> candidates;
  const int forward = movable_neighbours(to, &candidates);
  if (forward == 0) return;
  const int from = candidates[choose(forward)];
  // After the hop `to` holds the oxygen (of the group) and `from` is vacant.
  const int reverse = movable_neighbours(from, nullptr) + 1;
  Occupant &o = occupants_[occupant_of_site_[from]];
  const exsolve::core::Vec3 step = sites_->step(from, to);
  const double after[3] = {o.x[0] + step[0], o.x[1] + step[1], o.x[2] + step[2]};
  const exsolve::core::Vec3 wrapped = exsolve::box_of(domain).wrapped({{after[0], after[1], after[2]}});
  // A site counts as vacant when no oxygen is within a quarter spacing of it, but an oxygen
  // that left its own site without reaching this one may sit just beyond: a landing place
  // within a quarter spacing of another oxygen is rejected without its energy. It lies tens
  // of eV up (never accepted), and a pair table may not reach so short a distance (LAMMPS
  // would stop the run with "Pair distance < table inner cutoff").
  if (lands_on_an_oxygen(wrapped.data(), o.tag)) return;
  const int type = options_.oxygen_type;
  const std::vector<exsolve::AtomChange> move = {
      {{o.x[0], o.x[1], o.x[2]}, o.tag, type, type, o.q, o.q, true, false, o.mask},
      {{after[0], after[1], after[2]}, o.tag, type, type, o.q, o.q, false, true, o.mask}};
  const double delta_u = local_.delta(move, owned_);
  if (!metropolis(delta_u, static_cast<double>(forward) / reverse)) return;
  local_.apply(move, owned_);
  if (events_.is_open())
    events_.write(fmt::format("{} {} {:.6f} {:.6f} {:.6f} {:.6f} {:.6f} {:.6f} {:.8g}\n", update->ntimestep, o.tag,
                              o.x[0], o.x[1], o.x[2], wrapped[0], wrapped[1], wrapped[2], delta_u));
  for (int d = 0; d < 3; ++d) o.x[d] = wrapped[d];
  occupant_of_site_[to] = occupant_of_site_[from];
  occupant_of_site_[from] = -1;
  vacant_[chosen] = from;
  accepted(delta_u);
}

bool FixVacancyHop::lands_on_an_oxygen(const double *x, tagint moving) const
{
  int mine = 0;
  owned_.for_each_within(x, occupied_within_, [&](const exsolve::OwnedAtoms::Atom &a, double) {
    if (a.type == options_.oxygen_type && a.tag != moving) mine = 1;
  });
  int anywhere = 0;
  MPI_Allreduce(&mine, &anywhere, 1, MPI_INT, MPI_MAX, world);
  return anywhere != 0;
}

double FixVacancyHop::compute_vector(int n)
{
  if (n == 3) return static_cast<double>(vacant_.size());
  return FixLocalMonteCarlo::compute_vector(n);
}
