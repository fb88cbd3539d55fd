// The living particles of fix nanoparticle/track as LAMMPS sees them: each
// identification's measured clusters fed to core::ParticleTracker (identities, events,
// centres followed through periodic boundaries, counters), its state read by the fix's
// global vector and array and written to and read from restart files. No LAMMPS and no
// communication here: every rank holds the same table.
#pragma once

#include "cluster_measurement.h"

#include "core/particle_tracker.h"
#include "core/periodic_box.h"

#include <vector>

namespace exsolve {

class ParticleTable {
 public:
  static constexpr int N_VECTOR = 8;
  static constexpr int N_ARRAY_COLUMNS = 9;

  // A particle too large for a well-defined centre (see track).
  struct Wrapping {
    long id = 0;
    long atoms = 0;
    int axis = -1;  // -1: none
    double extent = 0.0;
  };

  explicit ParticleTable(long min_size = 1) : tracker_(min_size) {}

  // Links the clusters measured at `step` (every rank's composition records gathered) to
  // the particles before and renews the table. `first_wrapping`: the first particle still
  // ambiguous about its own centre (spanning more than half the box minus the cutoff along
  // some axis: too large, or wrapping around the box like a film). Throws
  // std::invalid_argument on inconsistent input.
  core::TrackedFrame track(const MeasuredClusters &clusters, const std::vector<core::ClusterComposition> &composition,
                           const core::PeriodicBox &box, long long step, double cutoff, int height_axis,
                           Wrapping &first_wrapping);

  std::size_t size() const { return tracker_.living().size(); }
  double vector_value(int n) const;
  double array_value(int row, int column) const;

  // Restart state as doubles: next ID, counters (births, merges, splits, deaths, exchanged
  // atoms), number of particles, then per particle: ID, atoms, birth step, birth COM (3),
  // unwrapped COM (3), wrapped COM (3), Rg, height. read_restart_state throws
  // std::invalid_argument when the particles are not in ascending ID order below the next ID.
  std::vector<double> restart_state() const;
  void read_restart_state(const double *state);

 private:
  core::ParticleTracker tracker_;
};

}  // namespace exsolve
