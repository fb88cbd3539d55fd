// Particles in one snapshot: connected clusters of the selected atoms, two atoms being
// connected when closer than the cutoff (r < rc, as compute cluster/atom and fix
// nanoparticle/track). Each cluster is labelled by the smallest atom ID in it, the label
// fix nanoparticle/track uses, so the identity rules (particle_linker) apply unchanged.
// Cell list + union-find: O(N). Plain C++14, no I/O.
#pragma once

#include "core/periodic_box.h"

#include <cstdint>
#include <vector>

namespace exsolve {
namespace core {

struct ClusterInput {
  const std::vector<Vec3> *positions = nullptr;
  const std::vector<std::int64_t> *atom_ids = nullptr;
  const std::vector<char> *selected = nullptr;  // per atom: part of a possible particle
};

// Per atom: the label of its cluster (0 for atoms not selected). Periodic axes must be at
// least twice the cutoff long (throws std::invalid_argument otherwise).
std::vector<std::int64_t> label_clusters(const ClusterInput &input, const PeriodicBox &box, double cutoff);

}  // namespace core
}  // namespace exsolve
