#include "cluster_labeller.h"

#include "compat.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "fix.h"
#include "memory.h"
#include "neigh_list.h"
#include "update.h"

#include <mpi.h>
#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

using namespace LAMMPS_NS;

namespace exsolve {

ClusterLabeller::ClusterLabeller(LAMMPS *lmp, Fix *owner, double cutoff)
    : Pointers(lmp), owner_(owner), groupbit_(owner->groupbit), cutoff_sq_(cutoff * cutoff)
{
}

ClusterLabeller::~ClusterLabeller()
{
  memory->destroy(label_);
}

void ClusterLabeller::grow_label_storage()
{
  if (atom->nmax > nmax_labels_) {
    memory->destroy(label_);
    nmax_labels_ = atom->nmax;
    memory->create(label_, nmax_labels_, "nanoparticle/track:label");
  }
}

void ClusterLabeller::collect_group_members()
{
  const int nlocal = atom->nlocal;
  const int nall = atom->nlocal + atom->nghost;
  const int *mask = atom->mask;
  // Branch-free compaction: group and support atoms alternate unpredictably in storage.
  group_members_.resize(nall);
  int n_members = 0, n_local_members = 0;
  for (int i = 0; i < nall; ++i) {
    group_members_[n_members] = i;
    n_members += (mask[i] & groupbit_) ? 1 : 0;
    if (i == nlocal - 1) n_local_members = n_members;
  }
  group_members_.resize(n_members);
  local_group_.assign(group_members_.begin(), group_members_.begin() + n_local_members);
}

void ClusterLabeller::label(NeighList *list, compat::OccasionalListBuilds &builds)
{
  list_ = list;
  grow_label_storage();
  builds.build(neighbor, list_, update->ntimestep);
  collect_group_members();
  // Every group atom starts with its own ID as label (ghosts carry their owner's ID, as a
  // forward communication would give them). Labels of non-group atoms are never read.
  const tagint *tag = atom->tag;
  for (int i : group_members_) label_[i] = static_cast<double>(tag[i]);

  // Spread the smallest label through this rank's atoms, send ghost labels back to their
  // owners and fresh ones out again, until every ghost agrees with its owner on every rank:
  // then labels are uniform over each connected cluster, and equal to its smallest atom ID
  // (labels only ever take minima of atom IDs). Owned labels only decrease, so this ends
  // even if the neighbor lists are not symmetric between ranks (atoms that moved more
  // than half the skin since the last reneighboring). Most steps need one round: a second
  // one only when a cluster's smallest ID had to travel through a rank or periodic boundary.
  // A round can only continue while some owned label still decreases, and labels are atom
  // IDs: far fewer rounds than atoms ever happen. The cap turns a bug into an error, not a hang.
  const bigint max_rounds = atom->natoms + 2;
  for (bigint round = 0;; ++round) {
    if (round == max_rounds)
      error->all(FLERR,
                 "fix nanoparticle/track: cluster labels did not converge in {} rounds at step {} "
                 "(please report this)",
                 max_rounds, update->ntimestep);
    if (round > 0) compat::forward_comm(comm, owner_);
    propagate_locally(round == 0);
    ghost_disagreed_ = false;
    compat::reverse_comm(comm, owner_);
    int disagreed = ghost_disagreed_ ? 1 : 0, any_disagreed = 0;
    MPI_Allreduce(&disagreed, &any_disagreed, 1, MPI_INT, MPI_MAX, world);
    if (!any_disagreed) break;
  }
}

void ClusterLabeller::propagate_locally(bool first_pass)
{
  const int nlocal = atom->nlocal;
  const int nall = atom->nlocal + atom->nghost;

  // The connected components of this rank's atoms are found once, by union-find over
  // the neighbor pairs within the cutoff (one pass over the list, where a label sweep
  // would need as many passes as a particle is wide). Each root is the member with the
  // smallest label, so flattening the forest labels the component.
  if (first_pass) {
    const double *const *x = atom->x;
    // Atoms outside the group stay outside every set: one read per neighbor decides both.
    components_.reset(nall);
    ghost_connected_.resize(nall);
    cluster_of_root_.resize(nall);
    for (int i : group_members_) {
      components_.add(i);
      ghost_connected_[i] = 0;
    }
    for (int i : local_group_) {
      const int *neighbors = list_->firstneigh[i];
      const int n_neighbors = list_->numneigh[i];
      int root_i = components_.find(i);
      for (int jj = 0; jj < n_neighbors; ++jj) {
        const int j = neighbors[jj] & NEIGHMASK;
        // A full list holds local pairs twice: take each once. A list built before atoms
        // were deleted may point past the current atoms.
        if ((j < nlocal && j < i) || j >= nall || !components_.contains(j)) continue;
        // Most neighbors already hang directly from i's root: skip the walk for them.
        if (components_.parent(j) == root_i) continue;
        int root_j = components_.find(j);
        if (root_j == root_i) continue;
        const double dx = x[i][0] - x[j][0];
        const double dy = x[i][1] - x[j][1];
        const double dz = x[i][2] - x[j][2];
        if (dx * dx + dy * dy + dz * dz >= cutoff_sq_) continue;
        if (j >= nlocal) ghost_connected_[j] = 1;
        if (label_[root_j] < label_[root_i]) std::swap(root_i, root_j);
        components_.link(root_j, root_i);
      }
    }
    for (int i : group_members_) {
      label_[i] = label_[components_.flatten(i)];
      cluster_of_root_[i] = -1;
    }
    return;
  }

  // Later rounds: labels that arrived from other ranks spread over each (flat) component.
  component_min_.resize(nall);
  for (int i : group_members_) component_min_[components_.parent(i)] = std::numeric_limits<double>::infinity();
  for (int i : group_members_) {
    double &smallest = component_min_[components_.parent(i)];
    smallest = std::min(smallest, label_[i]);
  }
  for (int i : group_members_) label_[i] = component_min_[components_.parent(i)];
}

namespace {

// The number of the cluster with this label, numbering a new label next.
int number_of(std::unordered_map<long, int> &number_of_label, ClusterNumbering &numbering, long label)
{
  auto inserted = number_of_label.emplace(label, static_cast<int>(numbering.label_of_cluster.size()));
  if (inserted.second) numbering.label_of_cluster.push_back(label);
  return inserted.first->second;
}

}  // namespace

void ClusterLabeller::number_clusters(ClusterNumbering &numbering)
{
  // One label lookup per component root, not per atom.
  std::unordered_map<long, int> number_of_label;
  numbering.label_of_cluster.clear();
  numbering.cluster_of_member.resize(local_group_.size());
  for (std::size_t k = 0; k < local_group_.size(); ++k) {
    const int i = local_group_[k];
    int &number = cluster_of_root_[components_.parent(i)];
    if (number < 0) number = number_of(number_of_label, numbering, static_cast<long>(label_[i]));
    numbering.cluster_of_member[k] = number;
  }
}

void ClusterLabeller::number_clusters_by_label(ClusterNumbering &numbering) const
{
  // Atoms of one cluster tend to be stored together: look a label up only when it changes.
  std::unordered_map<long, int> number_of_label;
  numbering.label_of_cluster.clear();
  numbering.cluster_of_member.resize(local_group_.size());
  long last_label = -1;
  int number = -1;
  for (std::size_t k = 0; k < local_group_.size(); ++k) {
    const long label = static_cast<long>(label_[local_group_[k]]);
    if (label != last_label) {
      number = number_of(number_of_label, numbering, label);
      last_label = label;
    }
    numbering.cluster_of_member[k] = number;
  }
}

double ClusterLabeller::memory_usage() const
{
  return static_cast<double>(nmax_labels_) * sizeof(double) + components_.memory_bytes() +
         static_cast<double>(cluster_of_root_.capacity() + group_members_.capacity() + local_group_.capacity()) *
             sizeof(int) +
         static_cast<double>(component_min_.capacity()) * sizeof(double) + ghost_connected_.capacity();
}

int ClusterLabeller::pack_forward(int n, const int *list, double *buf) const
{
  for (int k = 0; k < n; ++k) buf[k] = label_[list[k]];
  return n;
}

void ClusterLabeller::unpack_forward(int n, int first, const double *buf)
{
  for (int k = 0; k < n; ++k) label_[first + k] = buf[k];
}

int ClusterLabeller::pack_reverse(int n, int first, double *buf) const
{
  // A ghost no local atom of this rank is bonded to still holds its owner's label of the
  // last forward communication: it carries no news, send infinity (ignored by the owner).
  const int *mask = atom->mask;
  for (int k = 0; k < n; ++k) {
    const int i = first + k;
    buf[k] = (mask[i] & groupbit_) && ghost_connected_[i] ? label_[i] : std::numeric_limits<double>::infinity();
  }
  return n;
}

void ClusterLabeller::unpack_reverse(int n, const int *list, const double *buf)
{
  // A ghost's label may have been lowered on another rank: the owner takes the smaller.
  // Any disagreement means another round is needed (see label).
  // The receiver may itself be a ghost (a corner ghost's value relayed through an edge ghost
  // in a later swap): it must then pass the value on, so it is marked as carrying news.
  const int nlocal = atom->nlocal;
  for (int k = 0; k < n; ++k) {
    if (std::isinf(buf[k])) continue;
    const int i = list[k];
    double &owned = label_[i];
    if (buf[k] != owned) ghost_disagreed_ = true;
    owned = std::min(owned, buf[k]);
    if (i >= nlocal) ghost_connected_[i] = 1;
  }
}

}  // namespace exsolve
