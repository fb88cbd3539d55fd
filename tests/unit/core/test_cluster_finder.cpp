#include "core/cluster_finder.h"

#include "cluster_oracle.h"

#include <boost/test/unit_test.hpp>

#include <map>
#include <random>
#include <set>
#include <stdexcept>

using namespace exsolve::core;

namespace {

// Oracle: breadth-first search over all pairs with the minimum-image distance.
std::vector<std::int64_t> brute_force(const std::vector<Vec3> &x, const std::vector<std::int64_t> &ids,
                                      const std::vector<char> &selected, const PeriodicBox &box, double cutoff)
{
  return clusters_by_search(ids, selected, [&](std::size_t i, std::size_t j) {
    return box.distance_sq(x[i], x[j]) < cutoff * cutoff;
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cluster_finder)

BOOST_AUTO_TEST_CASE(matches_brute_force_with_periodic_clusters)
{
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  PeriodicBox box;
  box.lo = {{0.0, 0.0, 0.0}};
  box.hi = {{20.0, 20.0, 20.0}};
  box.periodic = {{true, true, false}};
  std::vector<Vec3> x;
  std::vector<std::int64_t> ids;
  std::vector<char> selected;
  for (int n = 0; n < 500; ++n) {
    x.push_back({{20.0 * u(rng), 20.0 * u(rng), 20.0 * u(rng)}});
    ids.push_back(1000 - 2 * n);  // IDs not in storage order
    selected.push_back(n % 5 != 0);
  }
  const ClusterInput input{&x, &ids, &selected};
  const auto labels = label_clusters(input, box, 2.2);
  const auto expected = brute_force(x, ids, selected, box, 2.2);
  std::set<std::int64_t> distinct;
  for (std::size_t i = 0; i < x.size(); ++i) {
    BOOST_TEST(labels[i] == expected[i]);
    if (labels[i] != 0) distinct.insert(labels[i]);
  }
  BOOST_TEST(distinct.size() > 20u);   // many clusters ...
  BOOST_TEST(distinct.size() < 400u);  // ... and some of several atoms
}

BOOST_AUTO_TEST_CASE(cluster_across_the_boundary_is_one)
{
  PeriodicBox box;
  box.hi = {{10.0, 10.0, 10.0}};
  const std::vector<Vec3> x = {{{0.5, 5.0, 5.0}}, {{9.5, 5.0, 5.0}}, {{5.0, 5.0, 5.0}}};
  const std::vector<std::int64_t> ids = {8, 3, 5};
  const std::vector<char> selected = {1, 1, 1};
  const auto labels = label_clusters(ClusterInput{&x, &ids, &selected}, box, 1.5);
  BOOST_TEST(labels[0] == 3);
  BOOST_TEST(labels[1] == 3);
  BOOST_TEST(labels[2] == 5);
  box.periodic = {{false, true, true}};
  const auto fixed = label_clusters(ClusterInput{&x, &ids, &selected}, box, 1.5);
  BOOST_TEST(fixed[0] == 8);  // no periodic image along x: separate
}

BOOST_AUTO_TEST_CASE(rejects_bad_input)
{
  PeriodicBox box;
  box.hi = {{3.0, 10.0, 10.0}};
  const std::vector<Vec3> x = {{{0.5, 5.0, 5.0}}};
  const std::vector<std::int64_t> ids = {1};
  const std::vector<char> selected = {1};
  BOOST_CHECK_THROW(label_clusters(ClusterInput{&x, &ids, &selected}, box, 2.0), std::invalid_argument);
  BOOST_CHECK_THROW(label_clusters(ClusterInput{&x, &ids, &selected}, box, 0.0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
