// One Monte Carlo invocation of fix reduce/oxygen: the choice of oxygen and cations (the same
// on every rank and for any decomposition), removal and refill moves and their acceptance.
// Energy differences come from the run's MoveEnergy (chosen in reduce_oxygen_energy.cpp),
// the oxygens from OxygenCandidates; arguments are read in reduce_oxygen_arguments.cpp,
// set-up, output and restart are in fix_reduce_oxygen.cpp.
#include "fix_reduce_oxygen.h"

#include "gather.h"
#include "lammps_box.h"

#include "atom.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "random_park.h"
#include "update.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <mpi.h>

using namespace LAMMPS_NS;

namespace {

// Without charges, an oxygen vacancy leaves two electrons for the cations (O2- -> 1/2 O2 + 2e-).
constexpr double ELECTRONS_PER_VACANCY = 2.0;

}  // namespace

// Where the energy leaves the atom arrays alone during trials (local), the moves are decided
// in post_integrate, before LAMMPS decides whether to rebuild its neighbor lists on this
// step, so that an invocation that accepted nothing forces no rebuild (nothing changed);
// accepted moves reach the atom arrays in pre_exchange of the same step, which the rebuild
// they force makes LAMMPS call. Where trials change the atom arrays and rebuild the lists
// for every energy anyway (full), the invocation runs in pre_exchange, with a rebuild forced
// on every invocation step, as fix gcmc does.
void FixReduceOxygen::post_integrate()
{
  if (energy_->trials_change_atom_arrays() || update->ntimestep != next_invocation_) return;
  invoke();
  if (energy_->changes_pending()) next_reneighbor = update->ntimestep;
}

void FixReduceOxygen::pre_exchange()
{
  if (!energy_->trials_change_atom_arrays()) {
    energy_->write_back();
    return;
  }
  if (update->ntimestep != next_invocation_) return;
  invoke();
  next_reneighbor = next_invocation_;
}

void FixReduceOxygen::invoke()
{
  // Timed from when every rank has arrived: the wait for a rank still finishing its share
  // of the MD step is not the invocation's (the first collective below would wait anyway).
  MPI_Barrier(world);
  const double started = MPI_Wtime();
  energy_->start_invocation();
  const bool rebuilt = owned_.refresh(cell_size());
  if (!rebuilt) kept_copies_ += 1.0;
  candidates_.start_invocation(rebuilt);
  for (int attempt = 0; attempt < options_.attempts && !limit_reached(); ++attempt) {
    // Reversible mode: removal or refill with equal probability (the same draw everywhere).
    if (options_.reversible && random_->uniform() < 0.5) attempt_refill();
    else attempt_removal();
  }
  events_.flush();
  next_invocation_ = update->ntimestep + nevery;
  // The invocation's wall time on the slowest rank (the same number on every rank): what a
  // run pays per invocation, with its fixed part (the copy of the atoms, the candidates).
  double took = MPI_Wtime() - started, slowest = 0.0;
  MPI_Allreduce(&took, &slowest, 1, MPI_DOUBLE, MPI_MAX, world);
  invocation_seconds_ += slowest;
}

double FixReduceOxygen::cell_size() const
{
  return std::max(options_.cutoff, energy_->reach());
}

bool FixReduceOxygen::choose_cations(const double *oxygen_x, double oxygen_charge, std::vector<Candidate> &chosen)
{
  // What the cations must take up: the oxygen's charge, or without charges its two electrons
  // (as negative charge changes), or nothing where no cation is reducible or a charge
  // equilibration fix sets the charges.
  double to_compensate = charged() ? oxygen_charge : (options_.reductions.empty() ? 0.0 : -ELECTRONS_PER_VACANCY);
  if (charges_equilibrated_) to_compensate = 0.0;
  std::vector<double> local;  // distance, tag, charge change, x, y, z, type, charge
  owned_.for_each_within(oxygen_x, options_.cutoff, [&](const exsolve::OwnedAtoms::Atom &a, double rsq) {
    const Reduction *r = reduction_of(a.type);
    if (!r) return;
    const double change = charged() ? r->new_charge - a.q : -r->new_charge;
    local.insert(local.end(), {std::sqrt(rsq), static_cast<double>(a.tag), change, a.x[0], a.x[1], a.x[2],
                               static_cast<double>(a.type), a.q});
  });
  const std::vector<double> all = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  std::vector<Candidate> candidates;
  std::vector<std::array<long long, 3>> keys;
  for (std::size_t k = 0; k < all.size(); k += 8) {
    candidates.push_back({all[k],
                          static_cast<tagint>(all[k + 1]),
                          all[k + 2],
                          static_cast<int>(all[k + 6]),
                          all[k + 7],
                          {all[k + 3], all[k + 4], all[k + 5]}});
    keys.push_back(exsolve::position_key(&all[k + 3]));
  }
  // Nearest first; equal distances (symmetric sites, to 1e-6 Å) by position, so that every
  // rank and every decomposition choose the same cations.
  std::vector<std::size_t> order(candidates.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const long long da = std::llround(candidates[a].distance * 1e6), db = std::llround(candidates[b].distance * 1e6);
    return da < db || (da == db && keys[a] < keys[b]);
  });
  double compensated = 0.0;
  for (std::size_t k : order) {
    const Candidate &c = candidates[k];
    if (std::fabs(compensated - to_compensate) < CHARGE_TOLERANCE) break;
    // Take a cation only if its change keeps the sum between 0 and what is to compensate.
    if (c.charge_change * to_compensate <= 0.0) continue;
    if (std::fabs(compensated + c.charge_change) > std::fabs(to_compensate) + CHARGE_TOLERANCE) continue;
    compensated += c.charge_change;
    chosen.push_back(c);
  }
  return std::fabs(compensated - to_compensate) < CHARGE_TOLERANCE;
}

bool FixReduceOxygen::find_atoms(const std::vector<tagint> &tags, std::vector<exsolve::OwnedAtoms::Atom> &found)
{
  // Each owner fills its atoms' rows (x, y, z, type, charge, mask, 1); the sum over ranks is
  // every row once, or a zero count where no rank holds the atom.
  constexpr int ROW = 7;
  std::vector<double> mine(tags.size() * ROW, 0.0), all(tags.size() * ROW, 0.0);
  for (std::size_t k = 0; k < tags.size(); ++k) {
    const int index = owned_.find(tags[k]);
    if (index < 0) continue;
    const exsolve::OwnedAtoms::Atom &a = owned_.atom_at(index);
    double *row = &mine[k * ROW];
    row[0] = a.x[0];
    row[1] = a.x[1];
    row[2] = a.x[2];
    row[3] = a.type;
    row[4] = a.q;
    row[5] = a.mask;
    row[6] = 1.0;
  }
  MPI_Allreduce(mine.data(), all.data(), static_cast<int>(all.size()), MPI_DOUBLE, MPI_SUM, world);
  found.clear();
  for (std::size_t k = 0; k < tags.size(); ++k) {
    const double *row = &all[k * ROW];
    if (row[6] != 1.0) return false;
    found.push_back(
        {{row[0], row[1], row[2]}, tags[k], static_cast<int>(row[3]), static_cast<int>(row[5]), row[4], true, -1});
  }
  return true;
}

void FixReduceOxygen::attempt_removal()
{
  attempts_ += 1.0;
  const int n_sites = candidates_.count();
  if (n_sites == 0) return;  // no oxygen left (on any rank)
  const int chosen = std::min(static_cast<int>(n_sites * random_->uniform()), n_sites - 1);
  const exsolve::OxygenSite oxygen = candidates_.site(chosen);
  if (!charged() && std::fabs(oxygen.charge) > CHARGE_TOLERANCE)
    error->all(FLERR,
               "fix reduce/oxygen: uncharged yes, but oxygen {} carries charge {}: its removal would leave the "
               "system charged",
               oxygen.tag, oxygen.charge);

  std::vector<Candidate> cations;
  if (!choose_cations(oxygen.x, oxygen.charge, cations)) {
    neutrality_rejections_ += 1.0;
    return;
  }
  std::vector<ChangedAtom> move;
  move.push_back({{oxygen.x[0], oxygen.x[1], oxygen.x[2]},
                  oxygen.tag,
                  options_.candidates.oxygen_type,
                  options_.candidates.oxygen_type,
                  oxygen.charge,
                  0.0,
                  true,
                  false,
                  oxygen.mask});
  for (const Candidate &c : cations)
    move.push_back({{c.x[0], c.x[1], c.x[2]},
                    c.tag,
                    c.from_type,
                    reduction_of(c.from_type)->to_type,
                    c.old_charge,
                    charged() ? c.old_charge + c.charge_change : c.old_charge,
                    true,
                    true,
                    0});
  const double delta_u = energy_->delta(move);

  // Reversible mode: the lattice-gas factor N_O/(N_V+1) pairs with the refill's
  // N_V/(N_O+1) for detailed balance (N_O counted before the removal).
  const double combinatorial =
      options_.reversible ? static_cast<double>(n_sites) / (static_cast<double>(vacancies_.size()) + 1.0) : 1.0;
  if (random_->uniform() >= combinatorial * std::exp(-beta_ * (delta_u + mu_oxygen_ev_))) {
    energy_->reject();
    return;
  }
  energy_->accept(move);
  candidates_.removed(chosen, !energy_->trials_change_atom_arrays());
  accepted_ += 1.0;
  cations_reduced_ += static_cast<double>(cations.size());
  if (options_.reversible) {
    Vacancy v;
    for (int d = 0; d < 3; ++d) v.x[d] = oxygen.x[d];
    v.oxygen_tag = oxygen.tag;
    v.oxygen_type = options_.candidates.oxygen_type;
    v.oxygen_mask = oxygen.mask;
    v.oxygen_charge = oxygen.charge;
    for (const Candidate &c : cations) {
      v.cation_tags.push_back(c.tag);
      v.cation_types.push_back(c.from_type);
      v.cation_charges.push_back(c.old_charge);
    }
    vacancies_.push_back(v);
  }
  if (events_.writes_here()) {
    std::string line = fmt::format("{} {} {:.6f} {:.6f} {:.6f} {:.8g}", update->ntimestep, oxygen.tag, oxygen.x[0],
                                   oxygen.x[1], oxygen.x[2], delta_u);
    for (const Candidate &c : cations) line += fmt::format(" {}", c.tag);
    events_.write(line + "\n");
  }
  last_delta_u_ = delta_u;
}

void FixReduceOxygen::attempt_refill()
{
  attempts_ += 1.0;
  if (vacancies_.empty()) return;
  const int chosen =
      std::min(static_cast<int>(vacancies_.size() * random_->uniform()), static_cast<int>(vacancies_.size()) - 1);
  const Vacancy site = vacancies_[chosen];
  const int n_oxygen = candidates_.count();

  // Re-oxidise the cations the removal reduced; if one has changed (or gone) since, the
  // charge cannot be balanced the same way: reject.
  std::vector<exsolve::OwnedAtoms::Atom> cations;
  bool all_reduced = find_atoms(site.cation_tags, cations);
  for (std::size_t c = 0; c < cations.size() && all_reduced; ++c) {
    const Reduction *r = reduction_of(site.cation_types[c]);
    if (!r || cations[c].type != r->to_type) all_reduced = false;
  }
  if (!all_reduced) {
    neutrality_rejections_ += 1.0;
    return;
  }
  // The oxygen comes back on the rank whose subdomain holds the site, mapped into the
  // current box (the box may have changed since the removal). Exactly one rank must own
  // it, or the refill is not attempted.
  double site_x[3] = {site.x[0], site.x[1], site.x[2]};
  domain->remap(site_x);
  int mine = exsolve::in_subdomain(domain, site_x) ? 1 : 0, owners = 0;
  MPI_Allreduce(&mine, &owners, 1, MPI_INT, MPI_SUM, world);
  if (owners != 1) {
    if (comm->me == 0)
      error->warning(FLERR,
                     "fix reduce/oxygen: the vacancy of oxygen {} at ({:.3f}, {:.3f}, {:.3f}) lies outside the "
                     "box (changed since the removal); it is dropped",
                     site.oxygen_tag, site_x[0], site_x[1], site_x[2]);
    vacancies_.erase(vacancies_.begin() + chosen);
    return;
  }
  std::vector<ChangedAtom> move;
  move.push_back({{site_x[0], site_x[1], site_x[2]},
                  site.oxygen_tag,
                  site.oxygen_type,
                  site.oxygen_type,
                  0.0,
                  site.oxygen_charge,
                  false,
                  true,
                  site.oxygen_mask});
  for (std::size_t c = 0; c < cations.size(); ++c)
    move.push_back({{cations[c].x[0], cations[c].x[1], cations[c].x[2]},
                    cations[c].tag,
                    cations[c].type,
                    site.cation_types[c],
                    cations[c].q,
                    charged() ? site.cation_charges[c] : cations[c].q,
                    true,
                    true,
                    0});
  const double delta_u = energy_->delta(move);
  const double acceptance =
      static_cast<double>(vacancies_.size()) / (n_oxygen + 1.0) * std::exp(-beta_ * (delta_u - mu_oxygen_ev_));
  if (random_->uniform() >= acceptance) {
    energy_->reject();
    return;
  }
  energy_->accept(move);
  candidates_.invalidate();
  refills_ += 1.0;
  vacancies_.erase(vacancies_.begin() + chosen);
}
