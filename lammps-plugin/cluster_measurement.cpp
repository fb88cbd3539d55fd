#include "cluster_measurement.h"

#include "cluster_labeller.h"
#include "gather.h"

#include "atom.h"
#include "comm.h"

#include <mpi.h>
#include <algorithm>
#include <map>
#include <unordered_map>

using namespace LAMMPS_NS;

namespace exsolve {
using core::ClusterComposition;
using core::PeriodicBox;
using core::SecondMoments;
using core::Vec3;

void ClusterMeasurement::measure(const std::vector<int> &local_group, const ClusterNumbering &numbering,
                                 const double *previous_particle, const double *last_particle, const PeriodicBox &box)
{
  const double *const *x = atom->x;
  const tagint *tag = atom->tag;
  const double *rmass = atom->rmass;
  const double *mass_of_type = atom->mass;
  const int *type = atom->type;
  composition_.clear(numbering.label_of_cluster.size());
  parts_.assign(numbering.label_of_cluster.size(), ClusterPart());
  for (std::size_t n = 0; n < parts_.size(); ++n) parts_[n].label = numbering.label_of_cluster[n];
  for (std::size_t k = 0; k < local_group.size(); ++k) {
    const int i = local_group[k];
    const int number = numbering.cluster_of_member[k];
    ClusterPart &part = parts_[number];
    const Vec3 position{{x[i][0], x[i][1], x[i][2]}};
    if (part.atoms == 0.0) part.reference = position;
    if (tag[i] == part.label && !part.reference_is_label) {
      part.moments.shift(box.minimum_image(position, part.reference));
      part.reference = position;
      part.reference_is_label = true;
    }
    part.atoms += 1.0;
    part.moments.add(position, rmass ? rmass[i] : mass_of_type[type[i]], part.reference, box);
    composition_.add(static_cast<std::size_t>(number), part.label, static_cast<long>(previous_particle[i]),
                     static_cast<long>(last_particle[i]));
  }
}

namespace {

// SecondMoments as 11 doubles, for gathers: mass, offset sum (3), offset^2 sum, lowest
// offsets (3), highest offsets (3). The callers send `empty` in their own record.
constexpr int MOMENTS_VALUES = 11;

void append_moments(std::vector<double> &flat, const SecondMoments &s)
{
  flat.insert(flat.end(), {s.mass, s.offset_sum[0], s.offset_sum[1], s.offset_sum[2], s.offset_sq_sum, s.offset_low[0],
                           s.offset_low[1], s.offset_low[2], s.offset_high[0], s.offset_high[1], s.offset_high[2]});
}

SecondMoments read_moments(const double *r, bool empty)
{
  SecondMoments s;
  s.mass = r[0];
  for (int d = 0; d < 3; ++d) {
    s.offset_sum[d] = r[1 + d];
    s.offset_low[d] = r[5 + d];
    s.offset_high[d] = r[8 + d];
  }
  s.offset_sq_sum = r[4];
  s.empty = empty;
  return s;
}

// Every rank sends one segment: number of parts, number of composition records, then per
// part: label, atoms, reference is label, reference (3), empty, its moments
// (MOMENTS_VALUES); then the composition records: label, particle before, last particle,
// atoms. One collective for everything the linking and measuring need.
constexpr int PART_RECORD = 7 + MOMENTS_VALUES;
constexpr int COMPOSITION_RECORD = 4;

}  // namespace

MeasuredClusters ClusterMeasurement::gather(std::vector<ClusterComposition> &composition, const PeriodicBox &box) const
{
  const std::vector<ClusterComposition> records = composition_.records();
  std::vector<double> flat = {static_cast<double>(parts_.size()), static_cast<double>(records.size())};
  flat.reserve(2 + parts_.size() * PART_RECORD + records.size() * COMPOSITION_RECORD);
  for (const ClusterPart &p : parts_) {
    flat.insert(flat.end(), {static_cast<double>(p.label), p.atoms, p.reference_is_label ? 1.0 : 0.0, p.reference[0],
                             p.reference[1], p.reference[2], p.moments.empty ? 1.0 : 0.0});
    append_moments(flat, p.moments);
  }
  for (const ClusterComposition &c : records)
    flat.insert(flat.end(), {static_cast<double>(c.cluster), static_cast<double>(c.previous_particle),
                             static_cast<double>(c.last_particle), static_cast<double>(c.atoms)});
  const std::vector<double> all = exsolve::gather_on_all_ranks(flat, world, comm->nprocs);

  // Parts in gather (rank) order.
  std::vector<ClusterPart> gathered;
  composition.clear();
  for (std::size_t at = 0; at < all.size();) {
    const auto n_parts = static_cast<std::size_t>(all[at]), n_records = static_cast<std::size_t>(all[at + 1]);
    at += 2;
    for (std::size_t n = 0; n < n_parts; ++n, at += PART_RECORD) {
      const double *r = &all[at];
      ClusterPart p;
      p.label = static_cast<long>(r[0]);
      p.atoms = r[1];
      p.reference_is_label = r[2] != 0.0;
      p.reference = {{r[3], r[4], r[5]}};
      p.moments = read_moments(r + 7, r[6] != 0.0);
      gathered.push_back(p);
    }
    for (std::size_t n = 0; n < n_records; ++n, at += COMPOSITION_RECORD)
      composition.push_back({static_cast<long>(all[at]), static_cast<long>(all[at + 1]), static_cast<long>(all[at + 2]),
                             static_cast<long>(all[at + 3])});
  }
  std::vector<std::size_t> order(gathered.size());
  for (std::size_t n = 0; n < order.size(); ++n) order[n] = n;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return gathered[a].label < gathered[b].label; });

  // Each cluster's sums are taken about its label atom, from the part of the rank that owns it.
  MeasuredClusters clusters;
  for (std::size_t first = 0; first < order.size();) {
    std::size_t end = first;
    while (end < order.size() && gathered[order[end]].label == gathered[order[first]].label) ++end;
    Vec3 reference = gathered[order[first]].reference;
    for (std::size_t n = first; n < end; ++n)
      if (gathered[order[n]].reference_is_label) {
        reference = gathered[order[n]].reference;
        break;
      }
    ClusterPart merged;
    merged.label = gathered[order[first]].label;
    merged.reference = reference;
    for (std::size_t n = first; n < end; ++n) {
      ClusterPart &p = gathered[order[n]];
      p.moments.shift(box.minimum_image(reference, p.reference));
      merged.atoms += p.atoms;
      merged.moments.merge(p.moments);
    }
    clusters.emplace_back(merged.label, merged);
    first = end;
  }
  return clusters;
}

namespace {

constexpr int MOMENTS_RECORD = 2 + MOMENTS_VALUES;  // label, empty, moments

}  // namespace

void ClusterMeasurement::recentre_ambiguous(MeasuredClusters &clusters, const std::vector<int> &local_group,
                                            const ClusterNumbering &numbering, const PeriodicBox &box,
                                            double cutoff) const
{
  std::unordered_map<long, Vec3> centre_of_label;
  for (const auto &entry : clusters)
    if (entry.second.moments.ambiguous_axis(box, cutoff) >= 0)
      centre_of_label[entry.first] = entry.second.moments.centre_of_mass(entry.second.reference, box);
  if (centre_of_label.empty()) return;  // the same on every rank: the clusters are

  std::vector<const Vec3 *> centre_of_part(parts_.size(), nullptr);
  for (std::size_t n = 0; n < parts_.size(); ++n) {
    auto found = centre_of_label.find(parts_[n].label);
    if (found != centre_of_label.end()) centre_of_part[n] = &found->second;
  }
  std::vector<SecondMoments> again(parts_.size());
  const double *const *x = atom->x;
  for (std::size_t k = 0; k < local_group.size(); ++k) {
    const int part = numbering.cluster_of_member[k];
    if (!centre_of_part[part]) continue;
    const int i = local_group[k];
    const double mass = atom->rmass ? atom->rmass[i] : atom->mass[atom->type[i]];
    again[part].add(Vec3{{x[i][0], x[i][1], x[i][2]}}, mass, *centre_of_part[part], box);
  }
  std::vector<double> flat;
  for (std::size_t n = 0; n < parts_.size(); ++n) {
    if (!centre_of_part[n]) continue;
    flat.insert(flat.end(), {static_cast<double>(parts_[n].label), again[n].empty ? 1.0 : 0.0});
    append_moments(flat, again[n]);
  }
  const std::vector<double> all = exsolve::gather_on_all_ranks(flat, world, comm->nprocs);
  // Every part was summed about the same centre: merged in rank order without a shift.
  std::map<long, SecondMoments> remeasured;
  for (std::size_t at = 0; at < all.size(); at += MOMENTS_RECORD)
    remeasured[static_cast<long>(all[at])].merge(read_moments(&all[at + 2], all[at + 1] != 0.0));
  for (auto &entry : clusters) {
    auto found = centre_of_label.find(entry.first);
    if (found == centre_of_label.end()) continue;
    entry.second.moments = remeasured.at(entry.first);
    entry.second.reference = found->second;
  }
}

}  // namespace exsolve
