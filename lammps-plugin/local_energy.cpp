#include "local_energy.h"

#include "compat.h"
#include "gather.h"
#include "lammps_box.h"

#include "comm.h"
#include "domain.h"
#include "error.h"
#include "update.h"

#include <algorithm>
#include <cmath>
#include <mpi.h>

using namespace LAMMPS_NS;

namespace exsolve {

LocalEnergy::LocalEnergy(LAMMPS *lmp, const std::string &style)
    : Pointers(lmp), style_(style), pair_terms_(lmp), cluster_(lmp)
{
}

std::string LocalEnergy::why_not_local(const std::vector<int> &changed_types, double extent)
{
  std::string why_not = pair_terms_.why_not_local(changed_types);
  if (!why_not.empty()) return why_not;
  const core::PeriodicBox box = box_of(domain);
  const int axis = box.axis_shorter_than_twice(pair_terms_.cutoff());
  if (axis >= 0)
    return fmt::format("the periodic box is {:.6g} Å along {}, less than twice the pair cutoff {} Å", box.length(axis),
                       "xyz"[axis], pair_terms_.cutoff());
  const std::vector<ManyBodyCluster::Style> many_body = pair_terms_.many_body_styles(changed_types);
  if (many_body.empty()) return "";
  // The cluster is evaluated without communication: only comm_style brick's swaps can be
  // set aside.
  compat::CommSwapsOff probe(comm);
  if (!probe.active()) return "many-body styles on the changed types need comm_style brick (not tiled)";
  cluster_.set_styles(many_body);
  extent_ = extent;
  return why_box_too_small();
}

void LocalEnergy::setup(const std::vector<int> &changed_types, double extent)
{
  pair_terms_.setup();
  const std::vector<ManyBodyCluster::Style> many_body = pair_terms_.many_body_styles(changed_types);
  cluster_.set_styles(many_body);
  eam_.reset();
  if (many_body.size() == 1 && many_body.front().eam) eam_ = std::make_unique<EamLocalEnergy>(lmp, many_body.front());
  extent_ = extent;
}

double LocalEnergy::reach() const
{
  const double many_body = eam_ ? eam_->cutoff() : cluster_.empty() ? 0.0 : cluster_radius();
  return std::max(pair_terms_.cutoff(), many_body);
}

std::string LocalEnergy::why_box_too_small() const
{
  if (cluster_.empty()) return "";
  // Every atom of the cluster lies within cluster_radius + extent of the move's first atom
  // and must have one nearest image there.
  const double needed = cluster_radius() + extent_;
  const core::PeriodicBox box = box_of(domain);
  const int axis = box.axis_shorter_than_twice(needed);
  if (axis < 0) return "";
  return fmt::format(
      "the periodic box is {:.6g} Å along {}, less than twice {:.6g} Å (the many-body cluster "
      "radius {:.6g} Å, about twice the range {:.6g} Å of an atom's terms, around changed atoms up to {:.6g} Å "
      "apart)",
      box.length(axis), "xyz"[axis], needed, cluster_radius(), cluster_.term_range(), extent_);
}

void LocalEnergy::start_invocation(bool atoms_as_last_computed)
{
  require_box_for_cutoff(lmp, (style_ + " (local energies)").c_str(), pair_terms_.cutoff());
  const std::string too_small = why_box_too_small();
  if (!too_small.empty())
    error->all(FLERR, "{} (local energies): at step {}, {}; use a larger box or energy full", style_, update->ntimestep,
               too_small);
  pair_terms_.reserve_scratch_atoms();
  if (eam_) eam_->start_invocation(atoms_as_last_computed);
  else if (!cluster_.empty()) cluster_.start_invocation();
}

double LocalEnergy::delta(const std::vector<AtomChange> &move, const OwnedAtoms &owned)
{
  return delta_pairwise(move, owned) + (cluster_.empty() ? 0.0 : delta_many_body(move, owned));
}

double LocalEnergy::delta_pairwise(const std::vector<AtomChange> &move, const OwnedAtoms &owned)
{
  // The same decision on every rank (the same model): no collective is skipped on one only.
  if (!pair_terms_.has_pair_terms()) return 0.0;
  const double cutoff = pair_terms_.cutoff();
  double sum = 0.0;
  // Changed atom - unchanged atom: over the atoms this rank owns, each pair once.
  for (const AtomChange &a : move)
    owned.for_each_within_atom(a.tag, a.x, cutoff, [&](const OwnedAtoms::Atom &other, double rsq) {
      for (const AtomChange &b : move)
        if (b.tag == other.tag) return;
      if (a.present_before) sum -= pair_terms_.pair_energy(a.type_before, a.q_before, other.type, other.q, rsq);
      if (a.present_after) sum += pair_terms_.pair_energy(a.type_after, a.q_after, other.type, other.q, rsq);
    });
  // Changed atoms among themselves and their self terms: once, on rank 0.
  if (comm->me == 0)
    for (std::size_t k = 0; k < move.size(); ++k) {
      const AtomChange &a = move[k];
      if (a.present_before) sum -= pair_terms_.self_energy(a.type_before, a.q_before);
      if (a.present_after) sum += pair_terms_.self_energy(a.type_after, a.q_after);
      for (std::size_t l = k + 1; l < move.size(); ++l) {
        const AtomChange &b = move[l];
        double delta[3] = {b.x[0] - a.x[0], b.x[1] - a.x[1], b.x[2] - a.x[2]};
        compat::minimum_image(domain, FLERR, delta);
        const double rsq = delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2];
        if (a.present_before && b.present_before)
          sum -= pair_terms_.pair_energy(a.type_before, a.q_before, b.type_before, b.q_before, rsq);
        if (a.present_after && b.present_after)
          sum += pair_terms_.pair_energy(a.type_after, a.q_after, b.type_after, b.q_after, rsq);
      }
    }
  double total = 0.0;
  MPI_Allreduce(&sum, &total, 1, MPI_DOUBLE, MPI_SUM, world);
  return total;
}

void LocalEnergy::apply(const std::vector<AtomChange> &move, OwnedAtoms &owned)
{
  for (const AtomChange &a : move) {
    const bool displaced = std::any_of(move.begin(), move.end(), [&](const AtomChange &b) {
      return &b != &a && b.tag == a.tag && b.present_before != a.present_before;
    });
    if (displaced) {
      // Its new place moves the atom (its owner keeps it until LAMMPS migrates it).
      if (!a.present_before) {
        const int index = owned.find(a.tag);
        if (index >= 0) owned.move_to(index, a.x);
      }
      continue;
    }
    if (!a.present_before) {
      // An added atom belongs to the rank whose subdomain holds it.
      if (in_subdomain(domain, a.x))
        owned.add({{a.x[0], a.x[1], a.x[2]}, a.tag, a.type_after, a.mask, a.q_after, true, -1});
      continue;
    }
    const int index = owned.find(a.tag);
    if (index < 0) continue;  // another rank's atom
    if (a.present_after) owned.set_type_and_charge(index, a.type_after, a.q_after);
    else owned.remove(index);
  }
  if (eam_) eam_->applied(move, owned);
}

void LocalEnergy::forget(const OwnedAtoms &owned)
{
  if (eam_) eam_->forget(owned);
}

double LocalEnergy::delta_many_body(const std::vector<AtomChange> &move, const OwnedAtoms &owned)
{
  if (eam_) return eam_->energy_change(move, owned);
  // This rank's unchanged atoms within the cluster radius of a changed atom, each once,
  // placed at their image nearest the move's first atom: rows of ID, type, x, y, z.
  const double radius = cluster_radius();
  std::vector<int> near;
  for (const AtomChange &a : move)
    owned.for_each_within(a.x, radius,
                          [&](const OwnedAtoms::Atom &other, double) { near.push_back(owned.index_of(other)); });
  std::sort(near.begin(), near.end());
  near.erase(std::unique(near.begin(), near.end()), near.end());
  const double *origin = move.front().x;
  auto relative = [&](const double *x, double *out) {
    for (int d = 0; d < 3; ++d) out[d] = x[d] - origin[d];
    owned.nearest_image(out);
  };
  // Atoms of a move may have drifted apart since it was set up (a refill's cations): the
  // nearest images must still be unique for this move's extent.
  double extent = 0.0;
  for (const AtomChange &a : move) {
    double x[3];
    relative(a.x, x);
    extent = std::max(extent, std::sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]));
  }
  if (extent > extent_ && box_of(domain).axis_shorter_than_twice(radius + extent) >= 0)
    error->all(FLERR,
               "{} (local energies): at step {}, the atoms of a move lie {:.6g} Å apart: the periodic box is "
               "less than twice {:.6g} Å (the many-body cluster radius {:.6g} Å plus that); use a larger box or "
               "energy full",
               style_, update->ntimestep, extent, radius + extent, radius);
  std::vector<double> rows;
  rows.reserve(5 * near.size());
  for (int index : near) {
    const OwnedAtoms::Atom &other = owned.atom_at(index);
    bool changed = false;
    for (const AtomChange &a : move) changed = changed || a.tag == other.tag;
    if (changed) continue;
    double x[3];
    relative(other.x, x);
    rows.insert(rows.end(), {static_cast<double>(other.tag), static_cast<double>(other.type), x[0], x[1], x[2]});
  }
  const std::vector<double> all = gather_on_all_ranks(rows, world, comm->nprocs);

  // The same cluster on every rank, in ID order whatever the decomposition; centres: the
  // atoms within the centre radius of a changed atom.
  std::vector<double> changed_x;
  for (const AtomChange &a : move) {
    double x[3];
    relative(a.x, x);
    changed_x.insert(changed_x.end(), {x[0], x[1], x[2]});
  }
  const double centre_sq = centre_radius() * centre_radius();
  auto is_centre = [&](const double *x) {
    for (std::size_t k = 0; k < changed_x.size(); k += 3) {
      const double dx = x[0] - changed_x[k], dy = x[1] - changed_x[k + 1], dz = x[2] - changed_x[k + 2];
      if (dx * dx + dy * dy + dz * dz < centre_sq) return true;
    }
    return false;
  };
  std::vector<ManyBodyCluster::Atom> cluster;
  for (std::size_t k = 0; k < all.size(); k += 5) {
    const int type = static_cast<int>(all[k + 1]);
    ManyBodyCluster::Atom a{
        {all[k + 2], all[k + 3], all[k + 4]}, static_cast<tagint>(all[k]), {type, type}, {true, true}, false};
    a.centre = is_centre(a.x);
    cluster.push_back(a);
  }
  for (std::size_t m = 0; m < move.size(); ++m) {
    const AtomChange &a = move[m];
    cluster.push_back({{changed_x[3 * m], changed_x[3 * m + 1], changed_x[3 * m + 2]},
                       a.tag,
                       {a.type_before, a.type_after},
                       {a.present_before, a.present_after},
                       true});
  }
  std::sort(cluster.begin(), cluster.end(),
            [](const ManyBodyCluster::Atom &a, const ManyBodyCluster::Atom &b) { return a.tag < b.tag; });
  return cluster_.energy_change(cluster);
}

}  // namespace exsolve
