#include "particle_table.h"

#include <algorithm>
#include <cmath>

using namespace LAMMPS_NS;
using exsolve::core::Vec3;

void ParticleTable::describe_for_linking(exsolve::core::LinkInput &input) const
{
  for (const auto &entry : particles_) input.previous_sizes[entry.first] = entry.second.atoms;
  input.next_id = next_id_;
}

ParticleTable::Wrapping ParticleTable::renew(const MeasuredClusters &clusters, const exsolve::core::LinkResult &result,
                                             const exsolve::core::PeriodicBox &box, long long step, double cutoff,
                                             int height_axis)
{
  static const Counter COUNTER_OF_EVENT[] = {BIRTHS, MERGES, SPLITS, DEATHS};
  for (const exsolve::core::ParticleEvent &e : result.events) counters_[COUNTER_OF_EVENT[e.type]] += 1.0;
  for (const auto &flux : result.exchanged) counters_[EXCHANGED] += static_cast<double>(flux.second);
  next_id_ = result.next_id;

  Wrapping first_wrapping;
  std::vector<std::pair<long, Particle>> living;
  for (const auto &entry : clusters) {
    const long id = result.particle_of_cluster.at(entry.first);
    if (id == 0) continue;
    const ClusterPart &cluster = entry.second;
    const Vec3 com = cluster.moments.centre_of_mass(cluster.reference, box);
    auto previous = std::lower_bound(particles_.begin(), particles_.end(), id,
                                     [](const std::pair<long, Particle> &p, long key) { return p.first < key; });
    Particle p;
    if (previous != particles_.end() && previous->first == id) {
      // Follow the particle through periodic boundaries: it moved by the minimum image of
      // the change of its wrapped centre (less than half a box between invocations).
      p = previous->second;
      const Vec3 moved = box.minimum_image(p.wrapped_com, com);
      for (int d = 0; d < 3; ++d) p.unwrapped_com[d] += moved[d];
    } else {
      p.birth_step = step;
      p.birth_com = p.unwrapped_com = com;
    }
    p.wrapped_com = com;
    p.atoms = static_cast<long>(cluster.atoms);
    p.radius_of_gyration = cluster.moments.radius_of_gyration();
    p.height = cluster.moments.extent(height_axis);
    const int wrap_axis = cluster.moments.ambiguous_axis(box, cutoff);
    if (wrap_axis >= 0 && first_wrapping.axis < 0)
      first_wrapping = Wrapping{id, p.atoms, wrap_axis, cluster.moments.extent(wrap_axis)};
    living.emplace_back(id, p);
  }
  std::sort(living.begin(), living.end(),
            [](const std::pair<long, Particle> &a, const std::pair<long, Particle> &b) { return a.first < b.first; });
  particles_.swap(living);
  return first_wrapping;
}

double ParticleTable::vector_value(int n) const
{
  const double living = static_cast<double>(particles_.size());
  switch (n) {
    case 0: return living;
    case 1: {
      double atoms = 0.0;
      for (const auto &p : particles_) atoms += p.second.atoms;
      return living > 0 ? atoms / living : 0.0;
    }
    case 2: return counters_[BIRTHS];
    case 3: return counters_[MERGES];
    case 4: return counters_[SPLITS];
    case 5: return counters_[DEATHS];
    case 6: return counters_[EXCHANGED];
    case 7: {
      double sum = 0.0;
      for (const auto &p : particles_)
        for (int k = 0; k < 3; ++k) {
          const double d = p.second.unwrapped_com[k] - p.second.birth_com[k];
          sum += d * d;
        }
      return living > 0 ? sum / living : 0.0;
    }
    default: return 0.0;
  }
}

double ParticleTable::array_value(int row, int column) const
{
  if (row < 0 || row >= static_cast<int>(particles_.size())) return 0.0;
  const long id = particles_[row].first;
  const Particle &p = particles_[row].second;
  switch (column) {
    case 0: return static_cast<double>(id);
    case 1: return static_cast<double>(p.atoms);
    case 2: case 3: case 4: return p.unwrapped_com[column - 2];
    case 5: {
      double sq = 0.0;
      for (int k = 0; k < 3; ++k) sq += std::pow(p.unwrapped_com[k] - p.birth_com[k], 2);
      return std::sqrt(sq);
    }
    case 6: return p.radius_of_gyration;
    case 7: return static_cast<double>(p.birth_step);
    case 8: return p.height;
    default: return 0.0;
  }
}

namespace {

constexpr int PARTICLE_RECORD = 14;

}  // namespace

std::vector<double> ParticleTable::restart_state() const
{
  std::vector<double> state = {static_cast<double>(next_id_)};
  state.insert(state.end(), counters_, counters_ + N_COUNTERS);
  state.push_back(static_cast<double>(particles_.size()));
  for (const auto &entry : particles_) {
    const Particle &p = entry.second;
    state.insert(state.end(), {static_cast<double>(entry.first), static_cast<double>(p.atoms),
                               static_cast<double>(p.birth_step)});
    state.insert(state.end(), p.birth_com.begin(), p.birth_com.end());
    state.insert(state.end(), p.unwrapped_com.begin(), p.unwrapped_com.end());
    state.insert(state.end(), p.wrapped_com.begin(), p.wrapped_com.end());
    state.insert(state.end(), {p.radius_of_gyration, p.height});
  }
  return state;
}

void ParticleTable::read_restart_state(const double *state)
{
  int m = 0;
  next_id_ = static_cast<long>(state[m++]);
  for (double &counter : counters_) counter = state[m++];
  const long n_particles = static_cast<long>(state[m++]);
  particles_.clear();
  // Written in ascending ID order: the table stays sorted.
  for (long k = 0; k < n_particles; ++k, m += PARTICLE_RECORD) {
    Particle p;
    p.atoms = static_cast<long>(state[m + 1]);
    p.birth_step = static_cast<long long>(state[m + 2]);
    for (int d = 0; d < 3; ++d) {
      p.birth_com[d] = state[m + 3 + d];
      p.unwrapped_com[d] = state[m + 6 + d];
      p.wrapped_com[d] = state[m + 9 + d];
    }
    p.radius_of_gyration = state[m + 12];
    p.height = state[m + 13];
    particles_.emplace_back(static_cast<long>(state[m]), p);
  }
}
