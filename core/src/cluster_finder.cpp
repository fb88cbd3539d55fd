#include "core/cluster_finder.h"

#include "core/cell_list.h"
#include "core/disjoint_sets.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace core {

std::vector<std::int64_t> label_clusters(const ClusterInput &input, const PeriodicBox &box, double cutoff)
{
  const std::vector<Vec3> &x = *input.positions;
  const std::size_t n = x.size();
  if (input.atom_ids->size() != n || input.selected->size() != n)
    throw std::invalid_argument("label_clusters: per-atom arrays differ in length");
  if (!(cutoff > 0.0)) throw std::invalid_argument("label_clusters: cutoff must be > 0");
  box.require_at_least_twice(cutoff, "cluster");

  std::vector<std::size_t> members;
  for (std::size_t i = 0; i < n; ++i)
    if ((*input.selected)[i]) members.push_back(i);
  const CellList cells(x, members, box, cutoff);
  const double cutoff_sq = cutoff * cutoff;

  using Node = std::ptrdiff_t;
  DisjointSets<Node> sets;
  sets.reset(n);
  for (std::size_t i : members) sets.add(static_cast<Node>(i));
  for (std::size_t i : members) {
    cells.for_each_candidate(x[i], [&](std::size_t j) {
      if (j <= i) return;  // each pair once
      if (box.distance_sq(x[i], x[j]) >= cutoff_sq) return;
      const Node a = sets.find(static_cast<Node>(i)), b = sets.find(static_cast<Node>(j));
      if (a != b) sets.link(std::max(a, b), std::min(a, b));
    });
  }

  // Label = smallest atom ID in the cluster.
  const std::int64_t none = 0;
  std::vector<std::int64_t> smallest(n, none);
  for (std::size_t i : members) {
    std::int64_t &s = smallest[sets.flatten(static_cast<Node>(i))];
    const std::int64_t id = (*input.atom_ids)[i];
    if (s == none || id < s) s = id;
  }
  std::vector<std::int64_t> label(n, none);
  for (std::size_t i : members) label[i] = smallest[sets.parent(static_cast<Node>(i))];
  return label;
}

}  // namespace core
}  // namespace exsolve
