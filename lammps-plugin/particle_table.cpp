#include "particle_table.h"

using namespace LAMMPS_NS;

namespace exsolve {
using core::FrameCluster;
using core::TrackedParticle;

core::TrackedFrame ParticleTable::track(const MeasuredClusters &clusters,
                                        const std::vector<core::ClusterComposition> &composition,
                                        const core::PeriodicBox &box, long long step, double cutoff, int height_axis,
                                        Wrapping &first_wrapping)
{
  std::vector<FrameCluster> measured;
  measured.reserve(clusters.size());
  for (const auto &entry : clusters) {
    const ClusterPart &cluster = entry.second;
    FrameCluster c;
    c.label = entry.first;
    c.atoms = static_cast<long>(cluster.atoms);
    c.centre = cluster.moments.centre_of_mass(cluster.reference, box);
    c.radius_of_gyration = cluster.moments.radius_of_gyration();
    c.height = cluster.moments.extent(height_axis);
    measured.push_back(c);
  }
  core::TrackedFrame frame = tracker_.add_frame(step, measured, composition, box);

  first_wrapping = Wrapping();
  for (const auto &entry : clusters) {
    const long id = frame.particle_of_cluster.at(entry.first);
    const int axis = id == 0 ? -1 : entry.second.moments.ambiguous_axis(box, cutoff);
    if (axis < 0) continue;
    first_wrapping = Wrapping{id, static_cast<long>(entry.second.atoms), axis, entry.second.moments.extent(axis)};
    break;
  }
  return frame;
}

double ParticleTable::vector_value(int n) const
{
  const core::EventCounts &counts = tracker_.counts();
  switch (n) {
    case 0: return static_cast<double>(tracker_.living().size());
    case 1: return tracker_.mean_atoms();
    case 2: return static_cast<double>(counts.births);
    case 3: return static_cast<double>(counts.merges);
    case 4: return static_cast<double>(counts.splits);
    case 5: return static_cast<double>(counts.deaths);
    case 6: return static_cast<double>(counts.exchanged_atoms);
    case 7: return tracker_.mean_squared_displacement();
    default: return 0.0;
  }
}

double ParticleTable::array_value(int row, int column) const
{
  const std::vector<TrackedParticle> &living = tracker_.living();
  if (row < 0 || row >= static_cast<int>(living.size())) return 0.0;
  const TrackedParticle &p = living[row];
  switch (column) {
    case 0: return static_cast<double>(p.id);
    case 1: return static_cast<double>(p.atoms);
    case 2:
    case 3:
    case 4: return p.unwrapped_centre[column - 2];
    case 5: return p.displacement();
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
  const core::EventCounts &counts = tracker_.counts();
  std::vector<double> state = {static_cast<double>(tracker_.next_id()),
                               static_cast<double>(counts.births),
                               static_cast<double>(counts.merges),
                               static_cast<double>(counts.splits),
                               static_cast<double>(counts.deaths),
                               static_cast<double>(counts.exchanged_atoms),
                               static_cast<double>(tracker_.living().size())};
  for (const TrackedParticle &p : tracker_.living()) {
    state.insert(state.end(),
                 {static_cast<double>(p.id), static_cast<double>(p.atoms), static_cast<double>(p.birth_step)});
    state.insert(state.end(), p.birth_centre.begin(), p.birth_centre.end());
    state.insert(state.end(), p.unwrapped_centre.begin(), p.unwrapped_centre.end());
    state.insert(state.end(), p.wrapped_centre.begin(), p.wrapped_centre.end());
    state.insert(state.end(), {p.radius_of_gyration, p.height});
  }
  return state;
}

void ParticleTable::read_restart_state(const double *state)
{
  core::ParticleTracker::State restored;
  int m = 0;
  restored.next_id = static_cast<long>(state[m++]);
  restored.counts.births = static_cast<long>(state[m++]);
  restored.counts.merges = static_cast<long>(state[m++]);
  restored.counts.splits = static_cast<long>(state[m++]);
  restored.counts.deaths = static_cast<long>(state[m++]);
  restored.counts.exchanged_atoms = static_cast<long>(state[m++]);
  const long n_particles = static_cast<long>(state[m++]);
  for (long k = 0; k < n_particles; ++k, m += PARTICLE_RECORD) {
    TrackedParticle p;
    p.id = static_cast<long>(state[m]);
    p.atoms = static_cast<long>(state[m + 1]);
    p.birth_step = static_cast<long long>(state[m + 2]);
    for (int d = 0; d < 3; ++d) {
      p.birth_centre[d] = state[m + 3 + d];
      p.unwrapped_centre[d] = state[m + 6 + d];
      p.wrapped_centre[d] = state[m + 9 + d];
    }
    p.radius_of_gyration = state[m + 12];
    p.height = state[m + 13];
    restored.living.push_back(p);
  }
  tracker_.restore(restored);
}

}  // namespace exsolve
