#include "core/particle_census.h"

#include "core/cluster_finder.h"
#include "core/particle_geometry.h"

#include <cmath>
#include <map>
#include <utility>

namespace exsolve {
namespace core {

Census take_census(const CensusInput &input, const PeriodicBox &box, const CensusOptions &options)
{
  return measure_clusters(label_clusters(ClusterInput{input.positions, input.atom_ids, input.is_metal}, box,
                                         options.cutoff),
                          input, box, options);
}

Census measure_clusters(std::vector<std::int64_t> cluster_of_atom, const CensusInput &input, const PeriodicBox &box,
                        const CensusOptions &options)
{
  const std::vector<Vec3> &x = *input.positions;
  Census census;
  census.cluster_of_atom = std::move(cluster_of_atom);
  const std::vector<std::int64_t> &labels = census.cluster_of_atom;
  auto mass = [&](std::size_t i) { return input.masses ? (*input.masses)[i] : 1.0; };

  std::map<std::int64_t, FirstMoments> first;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (labels[i] != 0) first[labels[i]].add((*input.atom_ids)[i], x[i], mass(i));

  census.particle_of_atom.assign(x.size(), 0);
  std::map<std::int64_t, SecondMoments> second;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (labels[i] == 0) continue;
    const FirstMoments &f = first.at(labels[i]);
    if (f.atoms < options.min_size) continue;
    census.particle_of_atom[i] = labels[i];
    second[labels[i]].add(x[i], mass(i), f.reference, box);
  }
  // Particles whose offsets from their smallest-ID atom may be folded wrongly (larger than
  // half the box minus the cutoff from it): measured again about their approximate centre,
  // as fix nanoparticle/track does (SecondMoments::ambiguous_axis says why).
  std::map<std::int64_t, Vec3> centre_of;
  for (const auto &entry : second)
    if (entry.second.ambiguous_axis(box, options.cutoff) >= 0)
      centre_of[entry.first] = entry.second.centre_of_mass(first.at(entry.first).reference, box);
  std::map<std::int64_t, SecondMoments> again;
  if (!centre_of.empty())
    for (std::size_t i = 0; i < x.size(); ++i) {
      const auto found = centre_of.find(census.particle_of_atom[i]);
      if (census.particle_of_atom[i] != 0 && found != centre_of.end())
        again[found->first].add(x[i], mass(i), found->second, box);
    }
  auto reference_of = [&](std::int64_t label) {
    const auto found = centre_of.find(label);
    return found != centre_of.end() ? found->second : first.at(label).reference;
  };
  const double pi = 3.141592653589793;
  for (const auto &entry : first) {
    const FirstMoments &f = entry.second;
    if (f.atoms < options.min_size) {
      census.free_atoms += static_cast<long>(f.atoms);
      continue;
    }
    const SecondMoments &s = centre_of.count(entry.first) ? again.at(entry.first) : second.at(entry.first);
    ParticleRecord record;
    record.label = entry.first;
    record.atoms = static_cast<long>(f.atoms);
    record.centre_of_mass = s.centre_of_mass(reference_of(entry.first), box);
    record.radius_of_gyration = s.radius_of_gyration();
    record.height = s.extent(options.surface_axis);
    record.equivalent_diameter = std::cbrt(6.0 * f.atoms * options.atomic_volume / pi);
    census.particles.push_back(record);
  }
  return census;
}

}  // namespace core
}  // namespace exsolve
