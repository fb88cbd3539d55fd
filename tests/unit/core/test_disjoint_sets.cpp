#include "core/disjoint_sets.h"

#include <boost/test/unit_test.hpp>

#include <random>
#include <utility>
#include <vector>

using exsolve::core::DisjointSets;

namespace {

// Oracle: connected components by repeated relaxation of the smallest node index over the
// edges, independent of any forest.
std::vector<int> components_by_relaxation(int n, const std::vector<char> &inside,
                                          const std::vector<std::pair<int, int>> &edges)
{
  std::vector<int> smallest(n);
  for (int i = 0; i < n; ++i) smallest[i] = inside[i] ? i : -1;
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto &e : edges) {
      const int m = std::min(smallest[e.first], smallest[e.second]);
      for (int node : {e.first, e.second})
        if (smallest[node] != m) {
          smallest[node] = m;
          changed = true;
        }
    }
  }
  return smallest;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(disjoint_sets)

BOOST_AUTO_TEST_CASE(nodes_not_added_are_outside)
{
  DisjointSets<int> sets;
  sets.reset(4);
  sets.add(1);
  sets.add(3);
  BOOST_TEST(!sets.contains(0));
  BOOST_TEST(sets.contains(1));
  BOOST_TEST(sets.parent(2) == DisjointSets<int>::OUTSIDE);
  BOOST_TEST(sets.find(3) == 3);
}

BOOST_AUTO_TEST_CASE(the_caller_chooses_the_root)
{
  DisjointSets<long> sets;
  sets.reset(3);
  for (long i = 0; i < 3; ++i) sets.add(i);
  sets.link(0, 2);  // the larger index as root, as a label rule may ask
  sets.link(1, 2);
  for (long i = 0; i < 3; ++i) BOOST_TEST(sets.find(i) == 2);
}

BOOST_AUTO_TEST_CASE(random_graphs_match_the_relaxation_oracle)
{
  std::mt19937 random(12345);
  for (int trial = 0; trial < 50; ++trial) {
    const int n = 1 + static_cast<int>(random() % 200);
    std::vector<char> inside(n);
    for (char &in : inside) in = random() % 5 != 0;
    std::vector<std::pair<int, int>> edges;
    const int n_edges = static_cast<int>(random() % (2 * n));
    for (int e = 0; e < n_edges; ++e) {
      const int a = static_cast<int>(random() % n), b = static_cast<int>(random() % n);
      if (inside[a] && inside[b]) edges.emplace_back(a, b);
    }
    DisjointSets<int> sets;
    sets.reset(n);
    for (int i = 0; i < n; ++i)
      if (inside[i]) sets.add(i);
    for (const auto &e : edges) {
      const int a = sets.find(e.first), b = sets.find(e.second);
      if (a != b) sets.link(std::max(a, b), std::min(a, b));
    }
    const std::vector<int> expected = components_by_relaxation(n, inside, edges);
    for (int i = 0; i < n; ++i) {
      if (!inside[i]) {
        BOOST_TEST(!sets.contains(i));
        continue;
      }
      // With the smaller index always the root, a set's root is its smallest member.
      BOOST_TEST(sets.flatten(i) == expected[i]);
      BOOST_TEST(sets.parent(i) == expected[i]);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
