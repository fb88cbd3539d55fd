// Test oracle for the cluster finder: a breadth-first search over all pairs of selected
// atoms, joined where within(i, j); each cluster labelled by its smallest atom ID (0: not
// selected). Quadratic: for test sizes only.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

template <class Within>
std::vector<std::int64_t> clusters_by_search(const std::vector<std::int64_t> &ids, const std::vector<char> &selected,
                                             Within within)
{
  const std::size_t n = ids.size();
  std::vector<std::int64_t> label(n, 0);
  std::vector<char> seen(n, 0);
  for (std::size_t start = 0; start < n; ++start) {
    if (!selected[start] || seen[start]) continue;
    std::vector<std::size_t> cluster{start}, queue{start};
    seen[start] = 1;
    while (!queue.empty()) {
      const std::size_t i = queue.back();
      queue.pop_back();
      for (std::size_t j = 0; j < n; ++j)
        if (selected[j] && !seen[j] && within(i, j)) {
          seen[j] = 1;
          queue.push_back(j);
          cluster.push_back(j);
        }
    }
    std::int64_t smallest = ids[cluster[0]];
    for (std::size_t i : cluster) smallest = std::min(smallest, ids[i]);
    for (std::size_t i : cluster) label[i] = smallest;
  }
  return label;
}
