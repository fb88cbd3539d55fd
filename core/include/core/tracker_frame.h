// What ParticleTracker::add_frame takes of one frame, made from the frame's census: the
// selected atoms with their cluster labels, and every cluster (free atoms' small clusters
// too, which the identity rules read) with the census's measurements of the particles.
// One rule for exsolve-analyze track and the Python module. Plain C++14, no I/O.
#pragma once

#include "core/particle_census.h"
#include "core/particle_tracker.h"

#include <cstdint>
#include <vector>

namespace exsolve {
namespace core {

struct TrackerFrame {
  std::vector<std::int64_t> atom_ids;         // selected atoms, in frame order
  std::vector<std::int64_t> cluster_of_atom;  // their cluster labels
  std::vector<FrameCluster> clusters;         // every cluster, by label
};

// `census` as take_census returns it for these atoms (is_selected: its is_metal) with
// min_size; throws std::logic_error when a cluster of min_size atoms or more has no
// particle record (a census of other options).
TrackerFrame tracker_frame(const Census &census, const std::vector<std::int64_t> &atom_ids,
                           const std::vector<char> &is_selected, long min_size);

}  // namespace core
}  // namespace exsolve
