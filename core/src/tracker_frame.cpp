#include "core/tracker_frame.h"

#include <map>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace core {

TrackerFrame tracker_frame(const Census &census, const std::vector<std::int64_t> &atom_ids,
                           const std::vector<char> &is_selected, long min_size)
{
  TrackerFrame frame;
  const std::vector<std::int64_t> &labels = census.cluster_of_atom;
  std::map<std::int64_t, long> cluster_atoms;
  for (std::size_t i = 0; i < atom_ids.size(); ++i) {
    if (!is_selected[i]) continue;
    frame.atom_ids.push_back(atom_ids[i]);
    frame.cluster_of_atom.push_back(labels[i]);
    ++cluster_atoms[labels[i]];
  }
  const std::vector<ParticleRecord> &particles = census.particles;  // by label
  std::size_t next = 0;
  for (const auto &entry : cluster_atoms) {
    FrameCluster cluster;
    cluster.label = entry.first;
    cluster.atoms = entry.second;
    if (next < particles.size() && particles[next].label == entry.first) {
      const ParticleRecord &p = particles[next++];
      cluster.centre = p.centre_of_mass;
      cluster.radius_of_gyration = p.radius_of_gyration;
      cluster.height = p.height;
    } else if (entry.second >= min_size) {
      throw std::logic_error("track: cluster " + std::to_string(entry.first) + " has no census record");
    }
    frame.clusters.push_back(cluster);
  }
  return frame;
}

}  // namespace core
}  // namespace exsolve
