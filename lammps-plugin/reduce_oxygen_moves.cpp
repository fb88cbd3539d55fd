// One Monte Carlo invocation of fix reduce/oxygen: the full energy evaluation, the choice
// of oxygen and cations (the same on every rank and for any decomposition), removal and
// refill moves. Arguments, set-up, output and restart are in fix_reduce_oxygen.cpp.
#include "fix_reduce_oxygen.h"

#include "compat.h"
#include "gather.h"
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
#include <mpi.h>

using namespace LAMMPS_NS;
using namespace FixConst;


double FixReduceOxygen::energy_full()
{
  exsolve::compat::evaluate_energy(lmp);
  update->eflag_global = update->ntimestep;
  return pe_->compute_scalar();
}

void FixReduceOxygen::pre_exchange()
{
  if (next_reneighbor != update->ntimestep) return;
  energy_stored_ = energy_full();
  for (int attempt = 0; attempt < options_.attempts; ++attempt) {
    // Reversible mode: removal or refill with equal probability (the same draw everywhere).
    if (options_.reversible && random_->uniform() < 0.5) attempt_refill();
    else attempt_removal();
  }
  events_.flush();
  next_reneighbor = update->ntimestep + nevery;
}

double FixReduceOxygen::surface_top() const
{
  double local_top = -1e300, top = -1e300;
  for (int i = 0; i < atom->nlocal; ++i)
    if (atom->mask[i] & groupbit) local_top = std::max(local_top, atom->x[i][options_.surface_axis]);
  MPI_Allreduce(&local_top, &top, 1, MPI_DOUBLE, MPI_MAX, world);
  return top;
}

int FixReduceOxygen::local_index_of(tagint tag) const
{
  // Atomic systems have no atom map by default: search the (few) local atoms directly.
  for (int i = 0; i < atom->nlocal; ++i)
    if (atom->tag[i] == tag) return i;
  return -1;
}

namespace {

// A position as integers of 1e-6 Å: an order of atoms that does not depend on the domain
// decomposition (atom IDs from create_atoms do) nor on rounding in the last bits.
std::array<long long, 3> position_key(const double *x)
{
  return {std::llround(x[0] * 1e6), std::llround(x[1] * 1e6), std::llround(x[2] * 1e6)};
}

}  // namespace

int FixReduceOxygen::pick_oxygen()
{
  // Candidates gathered on every rank and ordered by position: the same draw picks the
  // same oxygen whatever the decomposition or the local order of atoms (Kokkos sorts them).
  const std::vector<int> candidates_here = local_candidates();
  std::vector<double> local;  // x, y, z, tag
  for (int i : candidates_here)
    local.insert(local.end(), {atom->x[i][0], atom->x[i][1], atom->x[i][2], static_cast<double>(atom->tag[i])});
  const std::vector<double> all = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  const int n_values = static_cast<int>(all.size());
  if (n_values == 0) {
    n_candidates_ = 0;
    return -2;
  }
  std::vector<std::pair<std::array<long long, 3>, tagint>> candidates;
  for (int k = 0; k < n_values; k += 4) candidates.push_back({position_key(&all[k]), static_cast<tagint>(all[k + 3])});
  const int n_total = static_cast<int>(candidates.size());
  n_candidates_ = n_total;
  const int chosen = std::min(static_cast<int>(n_total * random_->uniform()), n_total - 1);
  std::nth_element(candidates.begin(), candidates.begin() + chosen, candidates.end());
  return local_index_of(candidates[chosen].second);
}

bool FixReduceOxygen::choose_cations(const double *oxygen_x, double oxygen_charge, std::vector<Candidate> &chosen)
{
  std::vector<double> local;  // distance, tag, charge change, x, y, z, type, charge
  const double cutoff_sq = options_.cutoff * options_.cutoff;
  for (int i = 0; i < atom->nlocal; ++i) {
    const Reduction *r = reduction_of(atom->type[i]);
    if (!r) continue;
    double d[3] = {atom->x[i][0] - oxygen_x[0], atom->x[i][1] - oxygen_x[1], atom->x[i][2] - oxygen_x[2]};
    exsolve::compat::minimum_image(domain, FLERR, d);
    const double r_sq = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    if (r_sq < cutoff_sq)
      local.insert(local.end(), {std::sqrt(r_sq), static_cast<double>(atom->tag[i]), r->new_charge - atom->q[i],
                                 atom->x[i][0], atom->x[i][1], atom->x[i][2], static_cast<double>(atom->type[i]),
                                 atom->q[i]});
  }
  const std::vector<double> all = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  std::vector<Candidate> candidates;
  std::vector<std::array<long long, 3>> keys;
  for (std::size_t k = 0; k < all.size(); k += 8) {
    candidates.push_back({all[k], static_cast<tagint>(all[k + 1]), all[k + 2], static_cast<int>(all[k + 6]), all[k + 7]});
    keys.push_back(position_key(&all[k + 3]));
  }
  // Nearest first; equal distances (symmetric sites, to 1e-6 Å) by position, so that every
  // rank and every decomposition choose the same cations.
  std::vector<std::size_t> order(candidates.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const long long da = std::llround(candidates[a].distance * 1e6), db = std::llround(candidates[b].distance * 1e6);
    return da < db || (da == db && keys[a] < keys[b]);
  });
  std::vector<Candidate> sorted;
  for (std::size_t k : order) sorted.push_back(candidates[k]);
  candidates.swap(sorted);
  double compensated = 0.0;
  for (const Candidate &c : candidates) {
    if (std::fabs(compensated - oxygen_charge) < CHARGE_TOLERANCE) break;
    // Take a cation only if its change keeps the sum between 0 and the oxygen's charge.
    if (c.charge_change * oxygen_charge <= 0.0) continue;
    if (std::fabs(compensated + c.charge_change) > std::fabs(oxygen_charge) + CHARGE_TOLERANCE) continue;
    compensated += c.charge_change;
    chosen.push_back(c);
  }
  return std::fabs(compensated - oxygen_charge) < CHARGE_TOLERANCE;
}

void FixReduceOxygen::attempt_removal()
{
  attempts_ += 1.0;
  const int i = pick_oxygen();
  if (i == -2) return;  // no oxygen left (on any rank)
  // The owner shares the oxygen's position and charge.
  double shared[6] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0};  // x, y, z, charge, ID, mask
  int owner_local = i >= 0 ? comm->me : -1, owner = -1;
  MPI_Allreduce(&owner_local, &owner, 1, MPI_INT, MPI_MAX, world);
  if (i >= 0) {
    shared[0] = atom->x[i][0];
    shared[1] = atom->x[i][1];
    shared[2] = atom->x[i][2];
    shared[3] = atom->q[i];
    shared[4] = static_cast<double>(atom->tag[i]);
    shared[5] = static_cast<double>(atom->mask[i]);
  }
  MPI_Bcast(shared, 6, MPI_DOUBLE, owner, world);
  const int shared_mask = static_cast<int>(shared[5]);
  const tagint oxygen_tag = static_cast<tagint>(shared[4]);

  std::vector<Candidate> cations;
  if (!choose_cations(shared, shared[3], cations)) {
    neutrality_rejections_ += 1.0;
    return;
  }

  // Trial state: the oxygen excluded and uncharged, the chosen cations reduced.
  int saved_mask = 0;
  if (i >= 0) {
    saved_mask = atom->mask[i];
    atom->mask[i] = exclusion_bit_;
    atom->q[i] = 0.0;
  }
  struct Saved {
    tagint tag;
    int type;
    double charge;
  };
  std::vector<Saved> saved;
  for (const Candidate &c : cations) {
    const int j = local_index_of(c.tag);
    if (j < 0) continue;  // owned by another rank
    saved.push_back({c.tag, atom->type[j], atom->q[j]});
    atom->type[j] = reduction_of(atom->type[j])->to_type;
    atom->q[j] += c.charge_change;
  }
  if (force->kspace) force->kspace->qsum_qsq();
  const double energy_after = energy_full();
  const double delta_u = energy_after - energy_stored_;

  // Reversible mode: the lattice-gas factor N_O/(N_V+1) pairs with the refill's
  // N_V/(N_O+1) for detailed balance (N_O counted before the removal).
  const double combinatorial =
      options_.reversible ? static_cast<double>(n_candidates_) / (static_cast<double>(vacancies_.size()) + 1.0) : 1.0;
  const double acceptance = combinatorial * std::exp(-beta_ * (delta_u + mu_oxygen_ev_));
  if (random_->uniform() < acceptance) {
    // Delete the oxygen on its owner, found by its exclusion mask (energy_full's
    // communication may have renumbered local atoms).
    for (int k = 0; k < atom->nlocal; ++k)
      if (atom->mask[k] == exclusion_bit_) {
        atom->avec->copy(atom->nlocal - 1, k, 1);
        atom->nlocal--;
        break;
      }
    atom->natoms--;
    if (atom->map_style != Atom::MAP_NONE) atom->map_init();
    accepted_ += 1.0;
    cations_reduced_ += static_cast<double>(cations.size());
    if (options_.reversible) {
      Vacancy v;
      for (int d = 0; d < 3; ++d) v.x[d] = shared[d];
      v.oxygen_tag = oxygen_tag;
      v.oxygen_type = options_.oxygen_type;
      v.oxygen_mask = shared_mask;
      v.oxygen_charge = shared[3];
      for (const Candidate &c : cations) {
        v.cation_tags.push_back(c.tag);
        v.cation_types.push_back(c.from_type);
        v.cation_charges.push_back(c.old_charge);
      }
      vacancies_.push_back(v);
    }
    if (events_.file()) {
      std::string line = fmt::format("{} {} {:.6f} {:.6f} {:.6f} {:.8g}", update->ntimestep, oxygen_tag, shared[0],
                                     shared[1], shared[2], delta_u);
      for (const Candidate &c : cations) line += fmt::format(" {}", c.tag);
      fputs((line + "\n").c_str(), events_.file());
    }
    last_delta_u_ = delta_u;
    // The excluded, uncharged oxygen contributed nothing: the energy is energy_after.
    energy_stored_ = energy_after;
  } else {
    for (int k = 0; k < atom->nlocal; ++k)
      if (atom->mask[k] == exclusion_bit_) {
        atom->mask[k] = saved_mask;
        atom->q[k] = shared[3];
      }
    for (const Saved &s : saved) {
      const int j = local_index_of(s.tag);
      atom->type[j] = s.type;
      atom->q[j] = s.charge;
    }
    if (force->kspace) force->kspace->qsum_qsq();
  }
}

void FixReduceOxygen::attempt_refill()
{
  attempts_ += 1.0;
  if (vacancies_.empty()) return;
  const int chosen = std::min(static_cast<int>(vacancies_.size() * random_->uniform()),
                              static_cast<int>(vacancies_.size()) - 1);
  const Vacancy site = vacancies_[chosen];
  const int n_oxygen = count_candidates();

  // Re-oxidise the cations the removal reduced; if one has changed since, the charge
  // cannot be balanced the same way: reject.
  int still_reduced = 1;
  for (std::size_t c = 0; c < site.cation_tags.size(); ++c) {
    const int j = local_index_of(site.cation_tags[c]);
    if (j < 0) continue;
    const Reduction *r = reduction_of(site.cation_types[c]);
    if (!r || atom->type[j] != r->to_type) still_reduced = 0;
  }
  int all_reduced = 0;
  MPI_Allreduce(&still_reduced, &all_reduced, 1, MPI_INT, MPI_MIN, world);
  if (!all_reduced) {
    neutrality_rejections_ += 1.0;
    return;
  }
  // The oxygen comes back on the rank whose subdomain holds the site, mapped into the
  // current box (the box may have changed since the removal). Exactly one rank must own
  // it, or the refill is not attempted.
  double site_x[3] = {site.x[0], site.x[1], site.x[2]};
  domain->remap(site_x);
  const int mine = site_x[0] >= domain->sublo[0] && site_x[0] < domain->subhi[0] && site_x[1] >= domain->sublo[1] &&
                   site_x[1] < domain->subhi[1] && site_x[2] >= domain->sublo[2] && site_x[2] < domain->subhi[2];
  int owners = 0;
  MPI_Allreduce(&mine, &owners, 1, MPI_INT, MPI_SUM, world);
  if (owners != 1) {
    if (comm->me == 0)
      error->warning(FLERR, "fix reduce/oxygen: the vacancy of oxygen {} at ({:.3f}, {:.3f}, {:.3f}) lies outside the "
                     "box (changed since the removal); it is dropped", site.oxygen_tag, site_x[0], site_x[1], site_x[2]);
    vacancies_.erase(vacancies_.begin() + chosen);
    return;
  }
  struct Saved {
    int index, type;
    double charge;
  };
  std::vector<Saved> saved;
  for (std::size_t c = 0; c < site.cation_tags.size(); ++c) {
    const int j = local_index_of(site.cation_tags[c]);
    if (j < 0) continue;
    saved.push_back({static_cast<int>(site.cation_tags[c]), atom->type[j], atom->q[j]});
    atom->type[j] = site.cation_types[c];
    atom->q[j] = site.cation_charges[c];
  }
  if (mine) {
    atom->avec->create_atom(site.oxygen_type, site_x);
    const int n = atom->nlocal - 1;
    atom->tag[n] = site.oxygen_tag;
    atom->mask[n] = site.oxygen_mask;
    atom->q[n] = site.oxygen_charge;
    for (int d = 0; d < 3; ++d) atom->v[n][d] = 0.0;
    // Other fixes' per-atom data for the new atom (as fix deposit does).
    modify->create_attribute(n);
  }
  atom->natoms++;
  if (atom->map_style != Atom::MAP_NONE) atom->map_init();
  if (force->kspace) force->kspace->qsum_qsq();
  const double energy_after = energy_full();
  const double delta_u = energy_after - energy_stored_;
  const double acceptance = static_cast<double>(vacancies_.size()) / (n_oxygen + 1.0) *
                            std::exp(-beta_ * (delta_u - mu_oxygen_ev_));
  if (random_->uniform() < acceptance) {
    refills_ += 1.0;
    vacancies_.erase(vacancies_.begin() + chosen);
    energy_stored_ = energy_after;
    return;
  }
  for (int k = 0; k < atom->nlocal; ++k)
    if (atom->tag[k] == site.oxygen_tag) {
      atom->avec->copy(atom->nlocal - 1, k, 1);
      atom->nlocal--;
      break;
    }
  atom->natoms--;
  if (atom->map_style != Atom::MAP_NONE) atom->map_init();
  for (const Saved &s : saved) {
    const int j = local_index_of(static_cast<tagint>(s.index));
    atom->type[j] = s.type;
    atom->q[j] = s.charge;
  }
  if (force->kspace) force->kspace->qsum_qsq();
}

std::vector<int> FixReduceOxygen::local_candidates()
{
  // Reduction happens where the gas touches the oxide: optionally only in a region and
  // only near the current outermost oxide atoms.
  Region *region = nullptr;
  if (!options_.region.empty()) {
    region = exsolve::compat::region_by_id(domain, options_.region);
    if (!region) error->all(FLERR, "fix reduce/oxygen: region '{}' no longer exists", options_.region);
    region->prematch();
  }
  const double surface_limit = options_.surface_axis >= 0 ? surface_top() - options_.surface_depth : 0.0;
  std::vector<int> candidates;
  for (int i = 0; i < atom->nlocal; ++i) {
    if (atom->type[i] != options_.oxygen_type || !(atom->mask[i] & groupbit)) continue;
    const double *x = atom->x[i];
    if (region && !region->match(x[0], x[1], x[2])) continue;
    if (options_.surface_axis >= 0 && x[options_.surface_axis] < surface_limit) continue;
    candidates.push_back(i);
  }
  return candidates;
}

int FixReduceOxygen::count_candidates()
{
  // The same oxygens a removal could pick: N_O of the lattice-gas factors.
  int local = static_cast<int>(local_candidates().size()), total = 0;
  MPI_Allreduce(&local, &total, 1, MPI_INT, MPI_SUM, world);
  return total;
}
