#include "pipeline/frame_census.h"

#include <algorithm>

namespace exsolve {
namespace pipeline {

core::CensusOptions census_options(const io::AnalysisConfig &config)
{
  core::CensusOptions options;
  options.cutoff = config.particle_cutoff;
  options.min_size = config.min_size;
  options.atomic_volume = config.atomic_volume;
  options.surface_axis = config.surface_axis;
  return options;
}

std::vector<char> atoms_of_types(const io::Frame &frame, const std::vector<int> &types)
{
  // One lookup per atom, for every atom of every frame: a table by type where the types
  // are small (as LAMMPS's are), a binary search otherwise.
  std::vector<int> sorted(types);
  std::sort(sorted.begin(), sorted.end());
  std::vector<char> selected(frame.size());
  const int largest = sorted.empty() ? 0 : sorted.back();
  if (largest > (1 << 16)) {
    for (std::size_t i = 0; i < frame.size(); ++i)
      selected[i] = std::binary_search(sorted.begin(), sorted.end(), frame.type[i]) ? 1 : 0;
    return selected;
  }
  std::vector<char> wanted(static_cast<std::size_t>(largest) + 1, 0);
  for (int t : sorted)
    if (t > 0) wanted[static_cast<std::size_t>(t)] = 1;
  for (std::size_t i = 0; i < frame.size(); ++i) {
    const int t = frame.type[i];
    selected[i] = t <= largest ? wanted[static_cast<std::size_t>(t)] : 0;
  }
  return selected;
}

FrameCensus take_frame_census(const io::Frame &frame, const core::PeriodicBox &box, const io::AnalysisConfig &config,
                              bool weigh_by_mass)
{
  const core::CensusOptions options = census_options(config);
  FrameCensus found;
  found.is_metal = atoms_of_types(frame, config.metal_types);
  const core::CensusInput equal_masses{&frame.position, &frame.id, &found.is_metal, nullptr};
  found.census = core::take_census(equal_masses, box, options);
  const auto mass_column = frame.extra.find("mass");
  if (weigh_by_mass && mass_column != frame.extra.end()) {
    core::CensusInput with_masses = equal_masses;
    with_masses.masses = &mass_column->second;
    found.mass_weighted_particles =
        core::measure_clusters(found.census.cluster_of_atom, with_masses, box, options).particles;
  }
  return found;
}

}  // namespace pipeline
}  // namespace exsolve
