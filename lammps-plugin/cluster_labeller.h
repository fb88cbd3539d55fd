// The parallel cluster labelling of fix nanoparticle/track: every atom of the fix's group
// (local and ghost) gets the smallest atom ID of its cluster (group atoms joined by chains
// of pairs closer than the cutoff), the same on any decomposition. Each rank labels its
// own atoms through its neighbor list (the kernel: union-find on the host; the Kokkos
// variant in kokkos/cluster_labeller_kokkos replaces it), then ghost labels travel to their
// owners and back until every ghost agrees with its owner.
#pragma once

#include "compat.h"
#include "pointers.h"

#include "core/disjoint_sets.h"

#include <vector>

namespace LAMMPS_NS {
class Fix;
class NeighList;
}  // namespace LAMMPS_NS

namespace exsolve {

// This rank's clusters numbered 0, 1, ... in order of first appearance.
struct ClusterNumbering {
  std::vector<long> label_of_cluster;  // smallest atom ID of each numbered cluster
  std::vector<int> cluster_of_member;  // cluster number of each local group atom (local_group order)
};

class ClusterLabeller : protected LAMMPS_NS::Pointers {
 public:
  // `owner` is the fix whose group is labelled; its forward/reverse communication
  // callbacks call the pack/unpack functions below.
  ClusterLabeller(LAMMPS_NS::LAMMPS *lmp, LAMMPS_NS::Fix *owner, double cutoff);
  virtual ~ClusterLabeller();

  // Labels every group atom through `list` (an occasional full list of at least the
  // cutoff), built first through `builds` (the owner's, reset in its init()).
  void label(LAMMPS_NS::NeighList *list, compat::OccasionalListBuilds &builds);
  // Numbers the clusters this rank's group atoms belong to (several components of this
  // rank can share a label: joined through another rank or a periodic image).
  virtual void number_clusters(ClusterNumbering &numbering);
  // Local group atoms of the last labelling, in storage order: the per-atom passes of the
  // fix visit only these (most atoms of a supported-particle system are support).
  const std::vector<int> &local_group() const { return local_group_; }
  double memory_usage() const;

  int pack_forward(int n, const int *list, double *buf) const;
  void unpack_forward(int n, int first, const double *buf);
  int pack_reverse(int n, int first, double *buf) const;
  void unpack_reverse(int n, const int *list, const double *buf);

 protected:
  // Gives every group atom (local and ghost) the smallest label of the atoms it is
  // connected to through this rank's neighbor list. first_pass: the labels are the atom
  // IDs and the neighbor list must be read (and ghost_connected_ set); later passes only
  // spread labels that arrived from other ranks.
  virtual void propagate_locally(bool first_pass);
  // Makes label_ hold atom->nmax values (the Kokkos variant keeps it in a dual view).
  virtual void grow_label_storage();
  // The numbering from the labels alone, for kernels that keep no host forest.
  void number_clusters_by_label(ClusterNumbering &numbering) const;

  LAMMPS_NS::Fix *owner_;
  int groupbit_;
  double cutoff_sq_;
  LAMMPS_NS::NeighList *list_ = nullptr;
  double *label_ = nullptr;  // cluster labels incl. ghosts (atom IDs as doubles, exact below 2^53)
  int nmax_labels_ = 0;
  std::vector<int> group_members_;  // local then ghost group atoms of this labelling
  std::vector<int> local_group_;
  // 1 for group ghosts within the cutoff of a local group atom: only their labels can
  // matter to this rank's atoms, so only they are compared with their owners (set by the
  // first pass; read only for group atoms).
  std::vector<char> ghost_connected_;
  bool ghost_disagreed_ = false;  // a ghost's label differed from its owner's (reverse comm)

 private:
  void collect_group_members();
  // Host kernel scratch, indexed by atom (local + ghost): the forest over the group atoms
  // (roots carry the smallest label of their component), the smallest label of each
  // component in later rounds, and the cluster number of each root (-1: not numbered yet).
  core::DisjointSets<int> components_;
  std::vector<double> component_min_;
  std::vector<int> cluster_of_root_;
};

}  // namespace exsolve
