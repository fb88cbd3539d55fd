// Persistent particle identities across snapshots: the rules fix nanoparticle/track and
// `exsolve-analyze track` share. Input: the clusters found now, and for each cluster how
// many of its atoms belonged to which particle at the previous snapshot and which
// particle they belonged to last (free atoms keep the last particle they were in).
// Output: the particle ID of every cluster and the events.
//
// Rules:
// - Clusters of fewer than min_size atoms are free atoms (particle ID 0).
// - Continuity: (cluster, old particle) pairs are taken in order of shared atoms (ties:
//   larger old particle, smaller old ID, smaller cluster label); a pair is linked when
//   neither side is linked yet. A linked cluster keeps the old particle's ID.
// - A particle cluster left unlinked gets a new ID (never reused; in cluster-label order):
//   a birth if most of its atoms were free, else a split from the particle most of them
//   came from.
// - An old particle left unlinked ends: merged into the particle that received most of
//   its atoms, or dead if none did.
// - Exchange: atoms now in particle Q whose last particle P != Q still lives, unless Q
//   split off P at this snapshot (ripening flux, per particle pair).
// Cluster labels must not depend on the domain decomposition (e.g. smallest atom ID).
// Plain C++14, no I/O.
#pragma once

#include <map>
#include <utility>
#include <vector>

namespace exsolve {
namespace core {

struct ClusterComposition {
  long cluster = 0;            // cluster label
  long previous_particle = 0;  // particle of these atoms at the previous snapshot (0: free)
  long last_particle = 0;      // last particle these atoms were in (0: never)
  long atoms = 0;
};

struct ParticleEvent {
  enum Type { BIRTH, MERGE, SPLIT, DEATH };
  Type type;
  long particle = 0;       // birth/split: the new ID; merge: the surviving ID; death: the ended ID
  long other = 0;          // merge: the ended ID; split: the parent ID; else 0
  long particle_size = 0;  // atoms of `particle` now (death: at the previous snapshot)
  long other_size = 0;     // merge: ended particle's previous size; split: parent's size now
};

// The words naming the events, exchange too: fix nanoparticle/track's event file and the
// event column of exsolve-analyze's events.csv.
namespace event_name {
constexpr char birth[] = "birth";
constexpr char merge[] = "merge";
constexpr char split[] = "split";
constexpr char death[] = "death";
constexpr char exchange[] = "exchange";
}  // namespace event_name

const char *name_of(ParticleEvent::Type type);

struct LinkInput {
  std::vector<std::pair<long, long>> clusters;  // (label, atoms), every cluster
  std::vector<ClusterComposition> composition;  // any order; repeated keys are added up
  std::map<long, long> previous_sizes;          // living particles: ID -> atoms before
  long min_size = 1;
  long next_id = 1;  // first unused particle ID
};

struct LinkResult {
  std::map<long, long> particle_of_cluster;         // label -> particle ID (0: free atoms)
  std::vector<ParticleEvent> events;                // births/splits by new ID, then ends by old ID
  std::map<std::pair<long, long>, long> exchanged;  // (from P, to Q) -> atoms
  long next_id = 1;
};

LinkResult link_particles(const LinkInput &input);

}  // namespace core
}  // namespace exsolve
