// What every analysis takes from a frame besides its atoms: which atoms are metal and the
// particle census (clusters labelled, particles measured). Found once per frame, however
// many analyses read it: labelling the clusters is most of an analysis's time.
#pragma once

#include "core/particle_census.h"
#include "core/periodic_box.h"
#include "io/analysis_config.h"
#include "io/frame.h"

#include <optional>
#include <vector>

namespace exsolve {
namespace pipeline {

core::CensusOptions census_options(const io::AnalysisConfig &config);

// Per atom: 1 if its type is in `types`.
std::vector<char> atoms_of_types(const io::Frame &frame, const std::vector<int> &types);

struct FrameCensus {
  std::vector<char> is_metal;  // per atom, config.metal_types
  core::Census census;         // equal masses: the particles of bonds, socket, track, coarsening
  // The particles measured with the dump's mass column, when asked for and the dump has one.
  std::optional<std::vector<core::ParticleRecord>> mass_weighted_particles;

  // The centres of mass and radii of gyration `particles` writes: weighted by the dump's
  // masses where it has them.
  const std::vector<core::ParticleRecord> &particles_weighted_by_mass() const
  {
    return mass_weighted_particles ? *mass_weighted_particles : census.particles;
  }
};

// `weigh_by_mass`: also measure the particles with the dump's `mass` column, if it has one
// (the clusters are labelled once either way).
FrameCensus take_frame_census(const io::Frame &frame, const core::PeriodicBox &box, const io::AnalysisConfig &config,
                              bool weigh_by_mass);

}  // namespace pipeline
}  // namespace exsolve
