#include "eam_local_energy.h"

#include "eam_tables.h"
#include "gather.h"

#include "atom.h"
#include "comm.h"
#include "error.h"

#include <cmath>
#include <mpi.h>

using namespace LAMMPS_NS;

namespace exsolve {
namespace {

// A row of a near atom in the gather: ID, type, x, y, z.
constexpr int ROW = 5;
// A near atom and a changed atom beyond the cutoff of each other.
constexpr EamTables::Distance BEYOND = {-1.0, 0.0, 0};

// Between the nearest images: the atoms of a move may lie anywhere in the box (an exchange
// with a partner anywhere), so places relative to its first atom are not one unwrapped
// frame; within the cutoff each pair has one nearest image (the box is at least twice it).
double distance_sq(const double *a, const double *b, const OwnedAtoms &owned)
{
  double delta[3] = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  owned.nearest_image(delta);
  return delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2];
}

bool same_move(const std::vector<AtomChange> &a, const std::vector<AtomChange> &b)
{
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].tag != b[k].tag || a[k].type_before != b[k].type_before || a[k].type_after != b[k].type_after ||
        a[k].present_before != b[k].present_before || a[k].present_after != b[k].present_after ||
        a[k].x[0] != b[k].x[0] || a[k].x[1] != b[k].x[1] || a[k].x[2] != b[k].x[2])
      return false;
  return true;
}

}  // namespace

EamLocalEnergy::EamLocalEnergy(LAMMPS *lmp, const ManyBodyCluster::Style &style)
    : Pointers(lmp), eam_(style.pair), acts_on_(style.acts_on)
{
  const int ntypes = atom->ntypes;
  has_embedding_.assign(ntypes + 1, false);
  for (int i = 1; i <= ntypes; ++i)
    for (int j = 1; j <= ntypes; ++j)
      if (acts_on_[i][j]) has_embedding_[i] = has_embedding_[j] = true;
  cutoff_sq_ = eam_.cutoff_sq();
  cutoff_ = std::sqrt(cutoff_sq_);
}

void EamLocalEnergy::start_invocation()
{
  ++epoch_;
  owned_changes_ = NONE;
  move_.clear();
}

void EamLocalEnergy::require_unchanged(const OwnedAtoms &owned) const
{
  if (owned_changes_ != NONE && owned.changes() != owned_changes_)
    error->one(FLERR, "exsolve local energies (EAM): internal error: the atom copy changed without "
                      "LocalEnergy::apply(), so the kept densities may be stale");
}

double EamLocalEnergy::energy_change(const std::vector<AtomChange> &move, const OwnedAtoms &owned)
{
  require_unchanged(owned);
  owned_changes_ = owned.changes();
  move_ = move;
  const double *origin = move.front().x;
  changed_x_.resize(move.size());
  for (std::size_t m = 0; m < move.size(); ++m) {
    for (int d = 0; d < 3; ++d) changed_x_[m][d] = move[m].x[d] - origin[d];
    owned.nearest_image(changed_x_[m].data());
  }
  find_near(move, owned);
  find_densities(owned, origin);
  measure_distances(owned);
  return change_of_changed_atoms(move, owned) + change_of_near_embedding(move);
}

void EamLocalEnergy::find_near(const std::vector<AtomChange> &move, const OwnedAtoms &owned)
{
  const double *origin = move.front().x;
  if (listed_in_trial_.size() < owned.size()) listed_in_trial_.resize(owned.size(), 0);
  ++trial_;
  near_.clear();
  for (const AtomChange &c : move)
    owned.for_each_within_atom(c.tag, c.x, cutoff_, [&](const OwnedAtoms::Atom &a, double) {
      std::uint64_t &listed = listed_in_trial_[owned.index_of(a)];
      if (listed == trial_) return;
      listed = trial_;
      for (const AtomChange &b : move)
        if (b.tag == a.tag) return;
      Near n{a.tag, a.type, {a.x[0] - origin[0], a.x[1] - origin[1], a.x[2] - origin[2]}};
      owned.nearest_image(n.x);
      near_.push_back(n);
    });
  if (comm->nprocs == 1) return;
  // Every rank's near atoms on every rank, in rank order.
  rows_.clear();
  for (const Near &n : near_)
    rows_.insert(rows_.end(), {static_cast<double>(n.tag), static_cast<double>(n.type), n.x[0], n.x[1], n.x[2]});
  const std::vector<double> all = gather_on_all_ranks(rows_, world, comm->nprocs);
  near_.clear();
  for (std::size_t k = 0; k < all.size(); k += ROW)
    near_.push_back({static_cast<tagint>(all[k]), static_cast<int>(all[k + 1]), {all[k + 2], all[k + 3], all[k + 4]}});
}

void EamLocalEnergy::find_densities(const OwnedAtoms &owned, const double *origin)
{
  density_.resize(near_.size());
  missing_.clear();
  for (std::size_t i = 0; i < near_.size(); ++i) {
    if (known(near_[i].tag)) density_[i] = density_of_tag_[near_[i].tag];
    else missing_.push_back(static_cast<int>(i));
  }
  // The same near atoms and known densities on every rank: all take part in the sum or none.
  if (missing_.empty()) return;
  missing_density_.resize(missing_.size());
  for (std::size_t k = 0; k < missing_.size(); ++k) {
    const Near &n = near_[missing_[k]];
    // Its own place where this rank holds it, else from the gather.
    const int index = owned.find(n.tag);
    const double from_gather[3] = {origin[0] + n.x[0], origin[1] + n.x[1], origin[2] + n.x[2]};
    const double *x = index >= 0 ? owned.atom_at(index).x : from_gather;
    missing_density_[k] = owned_density_at(x, n.tag, n.type, owned);
  }
  const std::vector<double> *summed = &missing_density_;
  if (comm->nprocs > 1) {
    summed_density_.resize(missing_density_.size());
    MPI_Allreduce(missing_density_.data(), summed_density_.data(), static_cast<int>(missing_density_.size()),
                  MPI_DOUBLE, MPI_SUM, world);
    summed = &summed_density_;
  }
  for (std::size_t k = 0; k < missing_.size(); ++k) {
    density_[missing_[k]] = (*summed)[k];
    remember(near_[missing_[k]].tag, (*summed)[k]);
  }
}

void EamLocalEnergy::remember(tagint tag, double density)
{
  if (tag >= static_cast<tagint>(epoch_of_tag_.size())) {
    epoch_of_tag_.resize(tag + 1, 0);
    density_of_tag_.resize(tag + 1, 0.0);
  }
  density_of_tag_[tag] = density;
  epoch_of_tag_[tag] = epoch_;
}

double EamLocalEnergy::owned_density_at(const double *x, tagint tag, int type, const OwnedAtoms &owned) const
{
  double density = 0.0;
  // A cell search, not the atom's near list: each density is summed once per invocation.
  owned.for_each_within(x, cutoff_, [&](const OwnedAtoms::Atom &a, double rsq) {
    if (a.tag != tag && acts_on_[type][a.type]) density += eam_.density(a.type, type, rsq);
  });
  return density;
}

void EamLocalEnergy::measure_distances(const OwnedAtoms &owned)
{
  const std::size_t n_changed = changed_x_.size();
  distance_.resize(near_.size() * n_changed);
  for (std::size_t i = 0; i < near_.size(); ++i)
    for (std::size_t m = 0; m < n_changed; ++m) {
      const double rsq = distance_sq(near_[i].x, changed_x_[m].data(), owned);
      distance_[i * n_changed + m] = rsq < cutoff_sq_ ? eam_.distance(rsq) : BEYOND;
    }
}

double EamLocalEnergy::change_of_changed_atoms(const std::vector<AtomChange> &move, const OwnedAtoms &owned)
{
  const std::size_t n_changed = move.size();
  double change = 0.0;
  density_after_.assign(n_changed, 0.0);
  for (std::size_t m = 0; m < n_changed; ++m) {
    for (int s = 0; s < 2; ++s) {
      if (!(s == 0 ? move[m].present_before : move[m].present_after)) continue;
      const int t = s == 0 ? move[m].type_before : move[m].type_after;
      double density = 0.0, pair = 0.0;
      for (std::size_t i = 0; i < near_.size(); ++i) {
        const EamTables::Distance &d = distance_[i * n_changed + m];
        const int u = near_[i].type;
        if (d.r < 0.0 || !acts_on_[t][u]) continue;
        density += eam_.density(u, t, d);
        pair += eam_.pair(t, u, d);
      }
      // The other changed atoms in the same state; a pair of two changed atoms counted once.
      for (std::size_t o = 0; o < n_changed; ++o) {
        if (o == m || !(s == 0 ? move[o].present_before : move[o].present_after)) continue;
        const int u = s == 0 ? move[o].type_before : move[o].type_after;
        const double rsq = distance_sq(changed_x_[o].data(), changed_x_[m].data(), owned);
        if (rsq >= cutoff_sq_ || !acts_on_[t][u]) continue;
        density += eam_.density(u, t, rsq);
        if (o > m) pair += eam_.pair(t, u, rsq);
      }
      if (s == 1) density_after_[m] = density;
      const double sign = s == 0 ? -1.0 : 1.0;
      change += sign * pair;
      if (has_embedding_[t]) change += sign * eam_.embedding(t, density);
    }
  }
  return change;
}

double EamLocalEnergy::change_of_near_embedding(const std::vector<AtomChange> &move)
{
  const std::size_t n_changed = move.size();
  double change = 0.0;
  density_change_.assign(near_.size(), 0.0);
  for (std::size_t i = 0; i < near_.size(); ++i) {
    const int t = near_[i].type;
    double &delta = density_change_[i];
    for (std::size_t m = 0; m < n_changed; ++m) {
      const EamTables::Distance &d = distance_[i * n_changed + m];
      if (d.r < 0.0) continue;
      const AtomChange &c = move[m];
      if (c.present_after && acts_on_[t][c.type_after]) delta += eam_.density(c.type_after, t, d);
      if (c.present_before && acts_on_[t][c.type_before]) delta -= eam_.density(c.type_before, t, d);
    }
    if (has_embedding_[t] && delta != 0.0)
      change += eam_.embedding(t, density_[i] + delta) - eam_.embedding(t, density_[i]);
  }
  return change;
}

void EamLocalEnergy::applied(const std::vector<AtomChange> &move, const OwnedAtoms &owned)
{
  // The densities a move changes are those of its changed atoms and of the atoms within rc
  // of them, the near atoms of its trial: its trial found them after the move, the same on
  // every rank.
  if (same_move(move, move_)) {
    for (std::size_t i = 0; i < near_.size(); ++i) density_of_tag_[near_[i].tag] = density_[i] + density_change_[i];
    for (const AtomChange &c : move) forget_tag(c.tag);
    for (std::size_t m = 0; m < move.size(); ++m)
      if (move[m].present_after) remember(move[m].tag, density_after_[m]);
  } else {
    ++epoch_;
  }
  move_.clear();
  owned_changes_ = owned.changes();
}

void EamLocalEnergy::forget(const OwnedAtoms &owned)
{
  ++epoch_;
  move_.clear();
  owned_changes_ = owned.changes();
}

}  // namespace exsolve
