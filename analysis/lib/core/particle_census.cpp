#include "particle_census.h"

#include "cluster_finder.h"
#include "particle_geometry.h"

#include <cmath>
#include <map>

namespace exsolve {
namespace core {

Census take_census(const CensusInput &input, const OrthogonalBox &box, const CensusOptions &options)
{
  const std::vector<Vec3> &x = *input.positions;
  const std::vector<std::int64_t> labels =
      label_clusters(ClusterInput{input.positions, input.atom_ids, input.is_metal}, box, options.cutoff);
  auto mass = [&](std::size_t i) { return input.masses ? (*input.masses)[i] : 1.0; };

  std::map<std::int64_t, FirstMoments> first;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (labels[i] != 0) first[labels[i]].add((*input.atom_ids)[i], x[i], mass(i));

  Census census;
  census.particle_of_atom.assign(x.size(), 0);
  std::map<std::int64_t, SecondMoments> second;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (labels[i] == 0) continue;
    const FirstMoments &f = first.at(labels[i]);
    if (f.atoms < options.min_size) continue;
    census.particle_of_atom[i] = labels[i];
    second[labels[i]].add(x[i], mass(i), f.reference, box, options.surface_axis);
  }
  const double pi = 3.141592653589793;
  for (const auto &entry : first) {
    const FirstMoments &f = entry.second;
    if (f.atoms < options.min_size) {
      census.free_atoms += static_cast<long>(f.atoms);
      continue;
    }
    const SecondMoments &s = second.at(entry.first);
    ParticleRecord record;
    record.label = entry.first;
    record.atoms = static_cast<long>(f.atoms);
    record.centre_of_mass = s.centre_of_mass(f.reference, box);
    record.radius_of_gyration = s.radius_of_gyration();
    record.height = s.extent();
    record.equivalent_diameter = std::cbrt(6.0 * f.atoms * options.atomic_volume / pi);
    census.particles.push_back(record);
  }
  return census;
}

}  // namespace core
}  // namespace exsolve
