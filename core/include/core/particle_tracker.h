// Particle tracking frame by frame: persistent particle IDs, events and unwrapped centres,
// the one implementation fix nanoparticle/track and `exsolve-analyze track` share.
//
// A frame is fed as its clusters (label, atoms, and for clusters of at least min_size
// atoms, the particles, their wrapped centre of mass, radius of gyration and height) and
// either its atoms (atom ID and cluster label of each: the tracker remembers every atom's
// particle by atom ID) or a composition the caller counted (fix nanoparticle/track: each
// MPI rank counts its own atoms with CompositionTally, the counts are gathered, and the
// per-atom particles migrate with the atoms in LAMMPS). The tracker links the frame to the
// previous one (core/particle_linker: continuity, births, merges, splits, deaths,
// exchange), follows every particle's centre through periodic boundaries and counts the
// events. Plain C++14, no I/O; errors are std::invalid_argument.
#pragma once

#include "core/particle_by_atom_id.h"
#include "core/particle_linker.h"
#include "core/periodic_box.h"

#include <cstdint>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

namespace exsolve {
namespace core {

// A free atom keeps the last particle it was in (the exchange rule reads it): what an
// atom's two per-particle values become once its cluster has particle ID `particle`.
template <class Value>
void remember_particle(long particle, Value &particle_now, Value &last_particle)
{
  particle_now = static_cast<Value>(particle);
  if (particle != 0) last_particle = static_cast<Value>(particle);
}

// Atoms of each cluster by (particle at the previous frame, last particle): the
// composition link_particles reads, counted atom by atom. Nearly every atom of a cluster
// shares one key, so a key is compared before the map is searched (out of line, so that
// the loops over atoms calling add stay small): the first key of the atom's cluster when
// the caller numbers its clusters 0..n-1 (fix nanoparticle/track: a rank's atoms come in
// no useful order), else the last key added (atoms in frame order).
class CompositionTally {
 public:
  CompositionTally() = default;
  CompositionTally(const CompositionTally &other) : counts_(other.counts_), slots_(other.slots_) {}
  CompositionTally &operator=(const CompositionTally &other)
  {
    counts_ = other.counts_;
    slots_ = other.slots_;
    last_count_ = nullptr;
    return *this;
  }

  // Starts a count; `numbered_clusters`: how many clusters the caller numbers (0: none).
  void clear(std::size_t numbered_clusters = 0);
  // An atom of the cluster labelled `cluster`, which the caller numbered `number`.
  void add(std::size_t number, long cluster, long previous_particle, long last_particle)
  {
    Slot &slot = slots_[number];
    if (slot.atoms == 0) slot = Slot{cluster, previous_particle, last_particle, 0};
    if (cluster == slot.cluster && previous_particle == slot.previous && last_particle == slot.last) ++slot.atoms;
    else add_to_map(cluster, previous_particle, last_particle);
  }
  // An atom of the cluster labelled `cluster`.
  void add(long cluster, long previous_particle, long last_particle)
  {
    if (last_count_ && cluster == last_.cluster && previous_particle == last_.previous && last_particle == last_.last)
      ++*last_count_;
    else add_to_map(cluster, previous_particle, last_particle);
  }
  // By (cluster, previous, last), each key once.
  std::vector<ClusterComposition> records() const;

 private:
  struct Slot {
    long cluster = 0, previous = 0, last = 0, atoms = 0;
  };
  void add_to_map(long cluster, long previous_particle, long last_particle);

  std::map<std::tuple<long, long, long>, long> counts_;
  std::vector<Slot> slots_;     // first key of each numbered cluster, with its atoms
  long *last_count_ = nullptr;  // the map's count of the last key added (map nodes do not move)
  Slot last_;                   // that key
};

// One cluster of a frame. Labels must not depend on how the atoms were found (the
// smallest atom ID). centre, radius_of_gyration and height are read only for particles
// (atoms >= min_size).
struct FrameCluster {
  long label = 0;
  long atoms = 0;
  Vec3 centre{{0.0, 0.0, 0.0}};  // centre of mass, wrapped into the box
  double radius_of_gyration = 0.0;
  double height = 0.0;  // extent along the surface normal
};

struct TrackedParticle {
  long id = 0;
  long atoms = 0;
  long long birth_step = 0;
  Vec3 birth_centre{{0.0, 0.0, 0.0}};      // unwrapped (the wrapped centre at birth)
  Vec3 unwrapped_centre{{0.0, 0.0, 0.0}};  // followed through periodic boundaries
  Vec3 wrapped_centre{{0.0, 0.0, 0.0}};    // in the box
  double radius_of_gyration = 0.0;
  double height = 0.0;

  double squared_displacement() const;  // |unwrapped - birth|^2
  double displacement() const;
};

struct EventCounts {
  long births = 0, merges = 0, splits = 0, deaths = 0;
  long exchanged_atoms = 0;
};

// What one frame did.
struct TrackedFrame {
  std::map<long, long> particle_of_cluster;         // every cluster: label -> ID (0: free atoms)
  std::vector<ParticleEvent> events;                // births/splits by new ID, then ends by old ID
  std::map<std::pair<long, long>, long> exchanged;  // (from P, to Q) -> atoms
  std::vector<TrackedParticle> particles;           // this frame's particles, in the order of its clusters
};

class ParticleTracker {
 public:
  // Clusters of fewer than min_size atoms are free atoms.
  explicit ParticleTracker(long min_size = 1);

  // A frame given atom by atom: atom_ids[i] is in the cluster labelled cluster_of_atom[i]
  // (the atoms of every cluster in `clusters`, any order).
  TrackedFrame add_frame(long long step, const std::vector<std::int64_t> &atom_ids,
                         const std::vector<std::int64_t> &cluster_of_atom, const std::vector<FrameCluster> &clusters,
                         const PeriodicBox &box);
  // A frame whose composition the caller counted from the atoms' particles of the previous
  // frame and last particles, which the caller keeps (remember_particle).
  TrackedFrame add_frame(long long step, const std::vector<FrameCluster> &clusters,
                         const std::vector<ClusterComposition> &composition, const PeriodicBox &box);

  long min_size() const { return min_size_; }
  const std::vector<TrackedParticle> &living() const { return living_; }  // by ascending ID
  const EventCounts &counts() const { return counts_; }
  long next_id() const { return next_id_; }
  double mean_atoms() const;                 // per living particle (0: none)
  double mean_squared_displacement() const;  // from birth, per living particle (0: none)

  // What a restart needs (the atoms' particles of the atom-by-atom form are not in it).
  struct State {
    long next_id = 1;
    EventCounts counts;
    std::vector<TrackedParticle> living;  // by ascending ID
  };
  State state() const { return State{next_id_, counts_, living_}; }
  void restore(const State &state);

 private:
  void follow(long long step, const std::vector<FrameCluster> &clusters, const PeriodicBox &box, TrackedFrame &frame);

  long min_size_;
  long next_id_ = 1;
  EventCounts counts_;
  std::vector<TrackedParticle> living_;
  // The atom-by-atom form: each atom's particle at the previous frame and last particle.
  ParticleByAtomId previous_particle_, last_particle_;
  CompositionTally tally_;
};

}  // namespace core
}  // namespace exsolve
