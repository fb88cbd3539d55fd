#include "core/particle_tracker.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace core {

void CompositionTally::clear(std::size_t numbered_clusters)
{
  counts_.clear();
  slots_.assign(numbered_clusters, Slot());
  last_count_ = nullptr;
}

void CompositionTally::add_to_map(long cluster, long previous_particle, long last_particle)
{
  last_count_ = &counts_[std::make_tuple(cluster, previous_particle, last_particle)];
  last_ = Slot{cluster, previous_particle, last_particle, 0};
  ++*last_count_;
}

std::vector<ClusterComposition> CompositionTally::records() const
{
  std::map<std::tuple<long, long, long>, long> all = counts_;
  for (const Slot &slot : slots_)
    if (slot.atoms > 0) all[std::make_tuple(slot.cluster, slot.previous, slot.last)] += slot.atoms;
  std::vector<ClusterComposition> records;
  records.reserve(all.size());
  for (const auto &entry : all)
    records.push_back({std::get<0>(entry.first), std::get<1>(entry.first), std::get<2>(entry.first), entry.second});
  return records;
}

double TrackedParticle::squared_displacement() const
{
  double sum = 0.0;
  for (int k = 0; k < 3; ++k) {
    const double d = unwrapped_centre[k] - birth_centre[k];
    sum += d * d;
  }
  return sum;
}

double TrackedParticle::displacement() const
{
  return std::sqrt(squared_displacement());
}

ParticleTracker::ParticleTracker(long min_size) : min_size_(min_size)
{
  if (min_size < 1)
    throw std::invalid_argument("particle tracker: min_size must be at least 1 atom, got " + std::to_string(min_size));
}

TrackedFrame ParticleTracker::add_frame(long long step, const std::vector<std::int64_t> &atom_ids,
                                        const std::vector<std::int64_t> &cluster_of_atom,
                                        const std::vector<FrameCluster> &clusters, const PeriodicBox &box)
{
  if (atom_ids.size() != cluster_of_atom.size())
    throw std::invalid_argument("particle tracker: " + std::to_string(atom_ids.size()) + " atom IDs but " +
                                std::to_string(cluster_of_atom.size()) + " cluster labels");
  tally_.clear();
  for (std::size_t i = 0; i < atom_ids.size(); ++i)
    tally_.add(cluster_of_atom[i], previous_particle_.at(atom_ids[i]), last_particle_.at(atom_ids[i]));
  TrackedFrame frame = add_frame(step, clusters, tally_.records(), box);

  // Neighbouring atoms mostly share their cluster: the last entry is tried before the map.
  // Every label was checked by the linking (a composition naming an unknown cluster).
  previous_particle_.clear();
  auto cluster = frame.particle_of_cluster.end();
  for (std::size_t i = 0; i < atom_ids.size(); ++i) {
    if (cluster == frame.particle_of_cluster.end() || cluster->first != cluster_of_atom[i])
      cluster = frame.particle_of_cluster.find(cluster_of_atom[i]);
    const long id = cluster->second;
    if (id != 0) {
      previous_particle_.set(atom_ids[i], id, atom_ids.size());
      last_particle_.set(atom_ids[i], id, atom_ids.size());
    }
  }
  return frame;
}

TrackedFrame ParticleTracker::add_frame(long long step, const std::vector<FrameCluster> &clusters,
                                        const std::vector<ClusterComposition> &composition, const PeriodicBox &box)
{
  LinkInput input;
  input.min_size = min_size_;
  input.next_id = next_id_;
  input.clusters.reserve(clusters.size());
  for (const FrameCluster &c : clusters) input.clusters.emplace_back(c.label, c.atoms);
  input.composition = composition;
  for (const TrackedParticle &p : living_) input.previous_sizes[p.id] = p.atoms;
  LinkResult result = link_particles(input);

  for (const ParticleEvent &e : result.events) {
    switch (e.type) {
      case ParticleEvent::BIRTH: ++counts_.births; break;
      case ParticleEvent::MERGE: ++counts_.merges; break;
      case ParticleEvent::SPLIT: ++counts_.splits; break;
      case ParticleEvent::DEATH: ++counts_.deaths; break;
    }
  }
  for (const auto &flux : result.exchanged) counts_.exchanged_atoms += flux.second;
  next_id_ = result.next_id;

  TrackedFrame frame;
  frame.particle_of_cluster.swap(result.particle_of_cluster);
  frame.events.swap(result.events);
  frame.exchanged.swap(result.exchanged);
  follow(step, clusters, box, frame);
  return frame;
}

void ParticleTracker::follow(long long step, const std::vector<FrameCluster> &clusters, const PeriodicBox &box,
                             TrackedFrame &frame)
{
  for (const FrameCluster &cluster : clusters) {
    const long id = frame.particle_of_cluster.at(cluster.label);
    if (id == 0) continue;
    auto previous = std::lower_bound(living_.begin(), living_.end(), id,
                                     [](const TrackedParticle &p, long key) { return p.id < key; });
    TrackedParticle p;
    if (previous != living_.end() && previous->id == id) {
      // The particle moved by the minimum image of the change of its wrapped centre: it
      // must move less than half a box between frames.
      p = *previous;
      const Vec3 moved = box.minimum_image(p.wrapped_centre, cluster.centre);
      for (int k = 0; k < 3; ++k) p.unwrapped_centre[k] += moved[k];
    } else {
      p.id = id;
      p.birth_step = step;
      p.birth_centre = p.unwrapped_centre = cluster.centre;
    }
    p.wrapped_centre = cluster.centre;
    p.atoms = cluster.atoms;
    p.radius_of_gyration = cluster.radius_of_gyration;
    p.height = cluster.height;
    frame.particles.push_back(p);
  }
  living_ = frame.particles;
  std::sort(living_.begin(), living_.end(),
            [](const TrackedParticle &a, const TrackedParticle &b) { return a.id < b.id; });
}

double ParticleTracker::mean_atoms() const
{
  if (living_.empty()) return 0.0;
  double atoms = 0.0;
  for (const TrackedParticle &p : living_) atoms += p.atoms;
  return atoms / static_cast<double>(living_.size());
}

double ParticleTracker::mean_squared_displacement() const
{
  if (living_.empty()) return 0.0;
  double sum = 0.0;
  for (const TrackedParticle &p : living_)
    for (int k = 0; k < 3; ++k) {
      const double d = p.unwrapped_centre[k] - p.birth_centre[k];
      sum += d * d;
    }
  return sum / static_cast<double>(living_.size());
}

void ParticleTracker::restore(const State &state)
{
  for (std::size_t n = 0; n < state.living.size(); ++n) {
    const long id = state.living[n].id;
    if (id < 1 || id >= state.next_id || (n > 0 && id <= state.living[n - 1].id))
      throw std::invalid_argument("particle tracker: restored particle IDs must ascend, from 1 to below the next ID " +
                                  std::to_string(state.next_id) + "; got " + std::to_string(id));
  }
  next_id_ = state.next_id;
  counts_ = state.counts;
  living_ = state.living;
}

}  // namespace core
}  // namespace exsolve
