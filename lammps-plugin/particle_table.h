// The living particles of fix nanoparticle/track with their persistent IDs, and the
// event counters: renewed from each identification's measured clusters and identity
// links, read by the fix's global vector and array, written to and read from restart
// files. No LAMMPS and no communication here: every rank holds the same table.
#pragma once

#include "cluster_measurement.h"

#include "core/particle_linker.h"
#include "core/periodic_box.h"

#include <utility>
#include <vector>

namespace LAMMPS_NS {

class ParticleTable {
 public:
  struct Particle {
    long atoms = 0;
    long long birth_step = 0;
    exsolve::core::Vec3 birth_com{{0.0, 0.0, 0.0}};  // unwrapped
    exsolve::core::Vec3 unwrapped_com{{0.0, 0.0, 0.0}};
    exsolve::core::Vec3 wrapped_com{{0.0, 0.0, 0.0}};  // last position in the box
    double radius_of_gyration = 0.0;
    double height = 0.0;
  };
  enum Counter { BIRTHS, MERGES, SPLITS, DEATHS, EXCHANGED, N_COUNTERS };
  static constexpr int N_VECTOR = 8;
  static constexpr int N_ARRAY_COLUMNS = 9;

  // A particle too large for a well-defined centre (see renew).
  struct Wrapping {
    long id = 0;
    long atoms = 0;
    int axis = -1;  // -1: none
    double extent = 0.0;
  };

  // The input of the identity linking: previous particle sizes and the next free ID.
  void describe_for_linking(exsolve::core::LinkInput &input) const;
  // Replaces the table by the particles of `result` measured in `clusters` at `step`, each
  // followed through periodic boundaries; counts the events. Returns the first particle
  // still ambiguous about its own centre (spanning more than half the box minus the
  // cutoff along some axis: too large, or wrapping around the box like a film).
  Wrapping renew(const MeasuredClusters &clusters, const exsolve::core::LinkResult &result,
                 const exsolve::core::PeriodicBox &box, long long step, double cutoff, int height_axis);

  std::size_t size() const { return particles_.size(); }
  double vector_value(int n) const;
  double array_value(int row, int column) const;

  // Restart state as doubles: next ID, counters, number of particles, then per particle:
  // ID, atoms, birth step, birth COM (3), unwrapped COM (3), wrapped COM (3), Rg, height.
  std::vector<double> restart_state() const;
  void read_restart_state(const double *state);

 private:
  std::vector<std::pair<long, Particle>> particles_;  // living particles, by ascending ID
  long next_id_ = 1;
  double counters_[N_COUNTERS] = {0.0, 0.0, 0.0, 0.0, 0.0};
};

}  // namespace LAMMPS_NS
