#include "eam_local_energy.h"

#include "compat.h"
#include "eam_tables.h"
#include "gather.h"

#include "atom.h"
#include "comm.h"
#include "compute.h"
#include "error.h"
#include "modify.h"
#include "pair_eam_alloy.h"
#include "pair_eam_fs.h"
#include "update.h"
#include "utils.h"

#include <cmath>
#include <typeinfo>
#include <mpi.h>

using namespace LAMMPS_NS;

namespace exsolve {
namespace {

// A row of a near atom in the gather: ID, type, x, y, z.
constexpr int ROW = 5;
// A near atom and a changed atom beyond the cutoff of each other.
constexpr EamTables::Distance BEYOND = {-1.0, 0.0, 0};
constexpr double BEYOND_RSQ = -1.0;

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
    : Pointers(lmp), pair_(style.pair), eam_(style.pair), acts_on_(style.acts_on)
{
  const int ntypes = atom->ntypes;
  has_embedding_.assign(ntypes + 1, 0);
  for (int i = 1; i <= ntypes; ++i)
    for (int j = 1; j <= ntypes; ++j)
      if (acts_on_[i][j]) has_embedding_[i] = has_embedding_[j] = 1;
  cutoff_sq_ = eam_.cutoff_sq();
  cutoff_ = std::sqrt(cutoff_sq_);
}

void EamLocalEnergy::start_invocation(bool atoms_as_last_computed)
{
  ++epoch_;
  owned_changes_ = NONE;
  move_.clear();
  computed_density_ = nullptr;
  // The same answer on every rank (the model and the computes): no collective where no
  // style's densities can serve.
  if (!computes_host_densities()) return;
  // What the style summed holds on every rank or is used on none: the sum over the ranks
  // in find_densities() takes the owner's density alone.
  const int here = atoms_as_last_computed ? 1 : 0;
  int everywhere = here;
  if (comm->nprocs > 1) MPI_Allreduce(&here, &everywhere, 1, MPI_INT, MPI_MIN, world);
  computed_density_ = everywhere ? internals::EamMembers::density(pair_) : nullptr;
}

bool EamLocalEnergy::computes_host_densities() const
{
  // The plain host classes: a Kokkos variant keeps its densities on the device, another
  // accelerated one (gpu, intel, omp, opt) may keep them elsewhere; rRESPA may compute the
  // pair style at an inner level of the step.
  const std::type_info &style = typeid(*pair_);
  const bool plain = style == typeid(PairEAM) || style == typeid(PairEAMAlloy) || style == typeid(PairEAMFS);
  if (!plain || !pair_->compute_flag || utils::strmatch(update->integrate_style, "^respa")) return false;
  // compute fep/ta evaluates the pair style in a scaled box and puts the atoms back without
  // evaluating it again: the densities would be of the scaled box.
  for (const Compute *compute : compat::computes(modify))
    if (utils::strmatch(compute->style, "^fep/ta")) return false;
  return true;
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
  last_trial_one_atom_ = false;
  if (comm->nprocs == 1 && move.size() == 1) {
    double change = 0.0;
    if (one_changed_atom_on_one_rank<false>(move, owned, change)) {
      last_trial_one_atom_ = true;
      return change;
    }
  }
  const double *origin = move.front().x;
  changed_x_.resize(move.size());
  for (std::size_t m = 0; m < move.size(); ++m) {
    for (int d = 0; d < 3; ++d) changed_x_[m][d] = move[m].x[d] - origin[d];
    owned.nearest_image(changed_x_[m].data());
  }
  find_near(move, owned);
  find_densities(owned, origin);
  // The near atoms' pass first: it sums the terms they give the changed atoms.
  const double near_change = change_of_near_atoms(move);
  return change_of_changed_atoms(move, owned) + near_change;
}

void EamLocalEnergy::find_near(const std::vector<AtomChange> &move, const OwnedAtoms &owned)
{
  const double *origin = move.front().x;
  const std::size_t n_changed = move.size();
  if (listed_in_trial_.size() < owned.size()) {
    listed_in_trial_.resize(owned.size(), 0);
    near_slot_.resize(owned.size(), 0);
  }
  ++trial_;
  near_.clear();
  rsq_.clear();
  const bool parallel = comm->nprocs > 1;
  auto add_near = [&](const OwnedAtoms::Atom &a, int index) {
    Near n{a.tag, a.type, index, {0.0, 0.0, 0.0}};
    if (parallel) {
      for (int d = 0; d < 3; ++d) n.x[d] = a.x[d] - origin[d];
      owned.nearest_image(n.x);
    }
    near_.push_back(n);
  };
  // The search around each changed atom gives the distances to it (between nearest images).
  for (std::size_t m = 0; m < n_changed; ++m) {
    const AtomChange &c = move[m];
    owned.for_each_within_atom(c.tag, c.x, cutoff_, [&](const OwnedAtoms::Atom &a, double rsq) {
      // PairEAM's own test (cutoff_ squared may differ from it in the last bit).
      if (rsq >= cutoff_sq_) return;
      const int index = owned.index_of(a);
      // Around one changed atom each is visited once: nothing to look up.
      if (n_changed == 1) {
        if (a.tag == c.tag) return;
        add_near(a, index);
        rsq_.push_back(rsq);
        return;
      }
      if (listed_in_trial_[index] != trial_) {
        for (const AtomChange &b : move)
          if (b.tag == a.tag) return;
        listed_in_trial_[index] = trial_;
        near_slot_[index] = static_cast<int>(near_.size());
        add_near(a, index);
        for (std::size_t k = 0; k < n_changed; ++k) rsq_.push_back(BEYOND_RSQ);
      }
      rsq_[near_slot_[index] * n_changed + m] = rsq;
    });
  }
  if (parallel) {
    // Every rank's near atoms on every rank, in rank order, with their squared distances to
    // the changed atoms as their owner measured them.
    const std::size_t row = ROW + n_changed;
    rows_.clear();
    for (std::size_t i = 0; i < near_.size(); ++i) {
      const Near &n = near_[i];
      rows_.insert(rows_.end(), {static_cast<double>(n.tag), static_cast<double>(n.type), n.x[0], n.x[1], n.x[2]});
      rows_.insert(rows_.end(), rsq_.begin() + i * n_changed, rsq_.begin() + (i + 1) * n_changed);
    }
    const std::vector<double> all = gather_on_all_ranks(rows_, world, comm->nprocs);
    near_.clear();
    rsq_.clear();
    for (std::size_t k = 0; k < all.size(); k += row) {
      near_.push_back(
          {static_cast<tagint>(all[k]), static_cast<int>(all[k + 1]), -1, {all[k + 2], all[k + 3], all[k + 4]}});
      rsq_.insert(rsq_.end(), all.begin() + k + ROW, all.begin() + k + row);
    }
  }
  distance_.resize(rsq_.size());
  for (std::size_t k = 0; k < rsq_.size(); ++k) distance_[k] = rsq_[k] < 0.0 ? BEYOND : eam_.distance(rsq_[k]);
}

void EamLocalEnergy::find_densities(const OwnedAtoms &owned, const double *origin)
{
  density_.resize(near_.size());
  embedding_.resize(near_.size());
  missing_.clear();
  for (std::size_t i = 0; i < near_.size(); ++i) {
    const tagint tag = near_[i].tag;
    if (known(tag)) {
      density_[i] = known_[tag].density;
      embedding_[i] = known_[tag].embedding;
    } else {
      missing_.push_back(static_cast<int>(i));
    }
  }
  // The same near atoms and known densities on every rank: all take part in the sum or none.
  if (missing_.empty()) return;
  missing_density_.resize(missing_.size());
  for (std::size_t k = 0; k < missing_.size(); ++k) {
    const Near &n = near_[missing_[k]];
    const int index = n.index >= 0 ? n.index : owned.find(n.tag);
    if (index >= 0) {
      missing_density_[k] = density_here(owned.atom_at(index), owned);
      continue;
    }
    // Held by another rank: there the owner's alone where the style's densities serve, else
    // from this rank's atoms near its place from the gather.
    if (computed_density_) {
      missing_density_[k] = 0.0;
      continue;
    }
    const double from_gather[3] = {origin[0] + n.x[0], origin[1] + n.x[1], origin[2] + n.x[2]};
    missing_density_[k] = owned_density_at(from_gather, n.tag, n.type, owned);
  }
  const std::vector<double> *summed = &missing_density_;
  if (comm->nprocs > 1) {
    summed_density_.resize(missing_density_.size());
    MPI_Allreduce(missing_density_.data(), summed_density_.data(), static_cast<int>(missing_density_.size()),
                  MPI_DOUBLE, MPI_SUM, world);
    summed = &summed_density_;
  }
  for (std::size_t k = 0; k < missing_.size(); ++k) {
    const int i = missing_[k];
    density_[i] = (*summed)[k];
    embedding_[i] = has_embedding_[near_[i].type] ? eam_.embedding(near_[i].type, density_[i]) : 0.0;
    remember(near_[i].tag, density_[i], embedding_[i]);
  }
}

double EamLocalEnergy::density_here(const OwnedAtoms::Atom &a, const OwnedAtoms &owned) const
{
  if (!computed_density_) return owned_density_at(a.x, a.tag, a.type, owned);
  // The style's; no accepted move changed it (its density would be known, as an atom added
  // by one is).
  if (a.local_index < 0)
    error->one(FLERR,
               "exsolve local energies (EAM): internal error: atom {} was added in this invocation and its density "
               "is not known",
               a.tag);
  return computed_density_[a.local_index];
}

void EamLocalEnergy::remember(tagint tag, double density, double embedding)
{
  if (tag >= static_cast<tagint>(known_.size())) known_.resize(tag + 1, {0, 0.0, 0.0});
  known_[tag] = {epoch_, density, embedding};
}

double EamLocalEnergy::owned_density_at(const double *x, tagint tag, int type, const OwnedAtoms &owned) const
{
  double density = 0.0;
  // Where this rank holds the atom there, from its near list (the search the trials around it
  // make anyway); else a cell search.
  owned.for_each_within_atom(tag, x, cutoff_, [&](const OwnedAtoms::Atom &a, double rsq) {
    if (rsq < cutoff_sq_ && a.tag != tag && acts_on_[type][a.type]) density += eam_.density(a.type, type, rsq);
  });
  return density;
}

void EamLocalEnergy::find_changed_terms(const std::vector<AtomChange> &move)
{
  const int ntypes = atom->ntypes;
  changed_terms_.resize(move.size() * 2 * (ntypes + 1));
  for (std::size_t m = 0; m < move.size(); ++m)
    for (int s = 0; s < 2; ++s) {
      const bool present = s == 0 ? move[m].present_before : move[m].present_after;
      const int t = s == 0 ? move[m].type_before : move[m].type_after;
      for (int u = 1; u <= ntypes; ++u) {
        ChangedTerms &terms = changed_terms_[(m * 2 + s) * (ntypes + 1) + u];
        terms.acts = present && acts_on_[t][u];
        if (!terms.acts) continue;
        terms.density_at_changed = eam_.density_rows(eam_.density_spline(u, t));
        terms.density_at_near = eam_.density_rows(eam_.density_spline(t, u));
        terms.pair = eam_.pair_rows(eam_.pair_spline(t, u));
        terms.pair_scale = eam_.pair_scale(t, u);
      }
    }
}

double EamLocalEnergy::change_of_near_atoms(const std::vector<AtomChange> &move)
{
  const std::size_t n_changed = move.size();
  const std::size_t stride = atom->ntypes + 1;
  find_changed_terms(move);
  double change = 0.0;
  density_of_changed_.assign(n_changed, {0.0, 0.0});
  pair_of_changed_.assign(n_changed, {0.0, 0.0});
  density_change_.assign(near_.size(), 0.0);
  embedding_after_.resize(near_.size());
  // The density splines evaluated at one distance (at most four differ: to and from the
  // changed atom, before and after; one per type in eam/alloy).
  EamTables::Rows splines[4];
  double values[4];
  int n_evaluated = 0;
  for (std::size_t i = 0; i < near_.size(); ++i) {
    const int u = near_[i].type;
    double &delta = density_change_[i];
    for (std::size_t m = 0; m < n_changed; ++m) {
      const EamTables::Distance &d = distance_[i * n_changed + m];
      if (d.r < 0.0) continue;
      n_evaluated = 0;
      auto density = [&](EamTables::Rows spline) {
        for (int k = 0; k < n_evaluated; ++k)
          if (splines[k] == spline) return values[k];
        splines[n_evaluated] = spline;
        return values[n_evaluated++] = EamTables::value(spline, d);
      };
      for (int s = 0; s < 2; ++s) {
        const ChangedTerms &terms = changed_terms_[(m * 2 + s) * stride + u];
        if (!terms.acts) continue;
        density_of_changed_[m][s] += density(terms.density_at_changed);
        pair_of_changed_[m][s] +=
            EamTables::pair_of_value(EamTables::value(terms.pair, d), terms.pair_scale, 1.0 / d.r);
        const double to_near = density(terms.density_at_near);
        delta += s == 0 ? -to_near : to_near;
      }
    }
    embedding_after_[i] = embedding_[i];
    if (has_embedding_[u] && delta != 0.0) {
      embedding_after_[i] = eam_.embedding(u, density_[i] + delta);
      change += embedding_after_[i] - embedding_[i];
    }
  }
  return change;
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
      double density = density_of_changed_[m][s], pair = pair_of_changed_[m][s];
      // The other changed atoms in the same state; a pair of two changed atoms counted once.
      for (std::size_t o = 0; o < n_changed; ++o) {
        if (o == m || !(s == 0 ? move[o].present_before : move[o].present_after)) continue;
        const int u = s == 0 ? move[o].type_before : move[o].type_after;
        // Between nearest images: the atoms of a move may lie anywhere in the box (an
        // exchange with a partner anywhere), so places relative to its first atom are not one
        // unwrapped frame; within the cutoff each pair has one nearest image (the box is at
        // least twice it).
        const double rsq = owned.distance_sq(changed_x_[o].data(), changed_x_[m].data());
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

void EamLocalEnergy::applied(const std::vector<AtomChange> &move, const OwnedAtoms &owned)
{
  // The densities a move changes are those of its changed atoms and of the atoms within rc
  // of them, the near atoms of its trial: its trial found them after the move, the same on
  // every rank.
  if (same_move(move, move_)) {
    if (last_trial_one_atom_) {
      // Its trial again, keeping what changes (the densities it read are still known).
      double change = 0.0;
      one_changed_atom_on_one_rank<true>(move, owned, change);
      for (const After &a : after_) {
        known_[a.tag].density = a.density;
        known_[a.tag].embedding = a.embedding;
      }
    } else {
      for (std::size_t i = 0; i < near_.size(); ++i) {
        known_[near_[i].tag].density = density_[i] + density_change_[i];
        known_[near_[i].tag].embedding = embedding_after_[i];
      }
    }
    for (const AtomChange &c : move) forget_tag(c.tag);
    for (std::size_t m = 0; m < move.size(); ++m)
      if (move[m].present_after) {
        const int t = move[m].type_after;
        remember(move[m].tag, density_after_[m], has_embedding_[t] ? eam_.embedding(t, density_after_[m]) : 0.0);
      }
  } else {
    ++epoch_;
    computed_density_ = nullptr;
  }
  move_.clear();
  owned_changes_ = owned.changes();
}

void EamLocalEnergy::forget(const OwnedAtoms &owned)
{
  ++epoch_;
  computed_density_ = nullptr;
  move_.clear();
  owned_changes_ = owned.changes();
}

}  // namespace exsolve
