// Size, mass, second moments and composition of every cluster fix nanoparticle/track
// found: each rank measures its share of each cluster in one pass over its group atoms
// (the composition counted by core::CompositionTally), then the shares are merged by label
// on every rank, in rank order, so every rank holds the same clusters whatever the
// decomposition.
#pragma once

#include "pointers.h"

#include "core/particle_geometry.h"
#include "core/particle_linker.h"
#include "core/particle_tracker.h"
#include "core/periodic_box.h"

#include <utility>
#include <vector>

namespace exsolve {

struct ClusterNumbering;

// One cluster, or this rank's share of it: summed over atoms, merged over ranks by label.
struct ClusterPart {
  long label = 0;  // smallest atom ID of the cluster
  double atoms = 0.0;
  // Offsets are summed from the first atom seen, moved to the label atom if it is local
  // (one rank owns it): the merged sums are then about the same atom on any decomposition.
  core::Vec3 reference{{0.0, 0.0, 0.0}};
  bool reference_is_label = false;
  core::SecondMoments moments;
};

using MeasuredClusters = std::vector<std::pair<long, ClusterPart>>;  // by label, ascending

class ClusterMeasurement : protected LAMMPS_NS::Pointers {
 public:
  explicit ClusterMeasurement(LAMMPS_NS::LAMMPS *lmp) : Pointers(lmp) {}

  // One pass over the local group atoms: this rank's part of every cluster it holds.
  // previous_particle / last_particle: per-atom particle IDs of the last identification.
  void measure(const std::vector<int> &local_group, const ClusterNumbering &numbering, const double *previous_particle,
               const double *last_particle, const core::PeriodicBox &box);
  // Every rank's parts merged by label (the same on every rank), and every rank's
  // composition records for the identity linking.
  MeasuredClusters gather(std::vector<core::ClusterComposition> &composition, const core::PeriodicBox &box) const;
  // Clusters whose offsets from the label atom may be folded wrongly (larger than half the
  // box minus the cutoff from it) are measured again about their approximate centre: a
  // second pass over their atoms and one more gather, on the same decision on every rank.
  void recentre_ambiguous(MeasuredClusters &clusters, const std::vector<int> &local_group,
                          const ClusterNumbering &numbering, const core::PeriodicBox &box, double cutoff) const;
  // This rank's parts, by cluster number.
  const std::vector<ClusterPart> &parts() const { return parts_; }
  double memory_usage() const { return static_cast<double>(parts_.capacity()) * sizeof(ClusterPart); }

 private:
  std::vector<ClusterPart> parts_;
  core::CompositionTally composition_;  // this rank's atoms
};

}  // namespace exsolve
