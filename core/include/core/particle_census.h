// Particles of one snapshot with their sizes and shapes: clusters of metal atoms
// (cluster_finder) measured with particle_geometry. Plain C++14, no I/O.
#pragma once

#include "core/periodic_box.h"

#include <cstdint>
#include <vector>

namespace exsolve {
namespace core {

struct CensusInput {
  const std::vector<Vec3> *positions = nullptr;
  const std::vector<std::int64_t> *atom_ids = nullptr;
  const std::vector<char> *is_metal = nullptr;
  const std::vector<double> *masses = nullptr;  // per atom; nullptr: all equal
};

struct CensusOptions {
  double cutoff = 0.0;         // Å
  long min_size = 1;           // atoms
  double atomic_volume = 0.0;  // Å^3 per atom (volume-equivalent diameter)
  int surface_axis = 2;
};

struct ParticleRecord {
  std::int64_t label = 0;  // smallest atom ID in the particle
  long atoms = 0;
  Vec3 centre_of_mass{{0.0, 0.0, 0.0}};  // wrapped into the box
  double radius_of_gyration = 0.0;       // Å
  double height = 0.0;                   // extent along the surface axis, Å
  double equivalent_diameter = 0.0;      // Å: diameter of a sphere of atoms * atomic_volume
};

struct Census {
  std::vector<ParticleRecord> particles;       // by label
  long free_atoms = 0;                         // metal atoms in clusters below min_size
  std::vector<std::int64_t> particle_of_atom;  // label per atom (0: free or not metal)
  std::vector<std::int64_t> cluster_of_atom;   // label per atom, clusters below min_size too (0: not metal)
};

Census take_census(const CensusInput &input, const PeriodicBox &box, const CensusOptions &options);

// The census of clusters already labelled (cluster_of_atom as label_clusters returns it
// for the same input): labelling is the costly part, so a caller that needs the particles
// measured with two sets of masses labels once and measures twice.
Census measure_clusters(std::vector<std::int64_t> cluster_of_atom, const CensusInput &input, const PeriodicBox &box,
                        const CensusOptions &options);

}  // namespace core
}  // namespace exsolve
