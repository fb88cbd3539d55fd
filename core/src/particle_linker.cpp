#include "core/particle_linker.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

namespace exsolve {
namespace core {

namespace {

struct Candidate {
  long shared, old_size, old_id, cluster;
};

// The old particle (or 0 for free atoms) that contributed most atoms; ties: larger old
// particle, then smaller ID.
long main_source(const std::map<long, long> &sources, const std::map<long, long> &previous_sizes)
{
  long best = 0, best_atoms = -1, best_size = -1;
  for (const auto &entry : sources) {
    const long id = entry.first;
    const long size = id == 0 ? 0 : previous_sizes.at(id);
    if (entry.second > best_atoms || (entry.second == best_atoms && size > best_size)) {
      best = id;
      best_atoms = entry.second;
      best_size = size;
    }
  }
  return best;
}

}  // namespace

const char *name_of(ParticleEvent::Type type)
{
  switch (type) {
    case ParticleEvent::BIRTH: return event_name::birth;
    case ParticleEvent::MERGE: return event_name::merge;
    case ParticleEvent::SPLIT: return event_name::split;
    case ParticleEvent::DEATH: return event_name::death;
  }
  throw std::invalid_argument("particle event of unknown type " + std::to_string(static_cast<int>(type)));
}

LinkResult link_particles(const LinkInput &input)
{
  LinkResult result;
  result.next_id = input.next_id;

  std::map<long, long> cluster_size;
  for (const auto &c : input.clusters) {
    if (!cluster_size.emplace(c.first, c.second).second)
      throw std::invalid_argument("link_particles: cluster label repeated");
  }
  // shared[cluster][old particle] and last[cluster][last particle] atom counts.
  std::map<long, std::map<long, long>> shared, last;
  for (const auto &c : input.composition) {
    if (!cluster_size.count(c.cluster))
      throw std::invalid_argument("link_particles: composition names an unknown cluster");
    if (c.previous_particle != 0 && !input.previous_sizes.count(c.previous_particle))
      throw std::invalid_argument("link_particles: composition names an unknown old particle");
    shared[c.cluster][c.previous_particle] += c.atoms;
    last[c.cluster][c.last_particle] += c.atoms;
  }

  auto is_particle = [&](long cluster) { return cluster_size.at(cluster) >= input.min_size; };

  std::vector<Candidate> candidates;
  for (const auto &by_cluster : shared) {
    if (!is_particle(by_cluster.first)) continue;
    for (const auto &by_old : by_cluster.second)
      if (by_old.first != 0)
        candidates.push_back({by_old.second, input.previous_sizes.at(by_old.first), by_old.first, by_cluster.first});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
    return std::make_tuple(-a.shared, -a.old_size, a.old_id, a.cluster) <
           std::make_tuple(-b.shared, -b.old_size, b.old_id, b.cluster);
  });
  std::set<long> linked_old;
  for (const Candidate &c : candidates) {
    if (result.particle_of_cluster.count(c.cluster) || linked_old.count(c.old_id)) continue;
    result.particle_of_cluster[c.cluster] = c.old_id;
    linked_old.insert(c.old_id);
  }

  // New IDs, in cluster-label order (std::map iterates in order).
  std::map<long, long> split_parent_of;  // new ID -> parent
  for (const auto &entry : cluster_size) {
    const long cluster = entry.first;
    if (!is_particle(cluster)) {
      result.particle_of_cluster[cluster] = 0;
      continue;
    }
    if (result.particle_of_cluster.count(cluster)) continue;
    const long id = result.next_id++;
    result.particle_of_cluster[cluster] = id;
    const long source = shared.count(cluster) ? main_source(shared[cluster], input.previous_sizes) : 0;
    if (source == 0) {
      result.events.push_back({ParticleEvent::BIRTH, id, 0, entry.second, 0});
    } else {
      split_parent_of[id] = source;
      long parent_size = 0;
      for (const auto &other : result.particle_of_cluster)
        if (other.second == source) parent_size = cluster_size.at(other.first);
      result.events.push_back({ParticleEvent::SPLIT, id, source, entry.second, parent_size});
    }
  }

  // Ended particles: merged into the particle that took most of their atoms, or dead.
  for (const auto &old : input.previous_sizes) {
    if (linked_old.count(old.first)) continue;
    long best_cluster = 0, best_atoms = 0;
    for (const auto &by_cluster : shared) {
      if (!is_particle(by_cluster.first)) continue;
      auto it = by_cluster.second.find(old.first);
      if (it != by_cluster.second.end() && it->second > best_atoms) {
        best_atoms = it->second;
        best_cluster = by_cluster.first;
      }
    }
    if (best_atoms > 0) {
      result.events.push_back({ParticleEvent::MERGE, result.particle_of_cluster.at(best_cluster), old.first,
                               cluster_size.at(best_cluster), old.second});
    } else {
      result.events.push_back({ParticleEvent::DEATH, old.first, 0, old.second, 0});
    }
  }

  for (const auto &by_cluster : last) {
    const long q = result.particle_of_cluster.at(by_cluster.first);
    if (q == 0) continue;
    auto parent = split_parent_of.find(q);
    for (const auto &by_last : by_cluster.second) {
      const long p = by_last.first;
      if (p == 0 || p == q || !linked_old.count(p)) continue;
      if (parent != split_parent_of.end() && parent->second == p) continue;
      result.exchanged[{p, q}] += by_last.second;
    }
  }
  return result;
}

}  // namespace core
}  // namespace exsolve
