#include "core/particle_linker.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

using namespace exsolve::core;

namespace {

// Composition entry: `atoms` atoms of `cluster` were in `previous` before and last in `last`.
ClusterComposition comp(long cluster, long previous, long atoms, long last = -1)
{
  return ClusterComposition{cluster, previous, last < 0 ? previous : last, atoms};
}

int count(const LinkResult &r, ParticleEvent::Type type)
{
  int n = 0;
  for (const auto &e : r.events) n += e.type == type;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(particle_linker)

BOOST_AUTO_TEST_CASE(first_snapshot_gives_births_in_label_order_and_free_atoms)
{
  LinkInput in;
  in.min_size = 5;
  in.clusters = {{40, 12}, {3, 30}, {77, 2}};
  in.composition = {comp(40, 0, 12), comp(3, 0, 30), comp(77, 0, 2)};
  const LinkResult r = link_particles(in);
  BOOST_TEST(r.particle_of_cluster.at(3) == 1);
  BOOST_TEST(r.particle_of_cluster.at(40) == 2);
  BOOST_TEST(r.particle_of_cluster.at(77) == 0);  // below min_size: free atoms
  BOOST_TEST(count(r, ParticleEvent::BIRTH) == 2);
  BOOST_TEST(r.events.size() == 2u);
  BOOST_TEST(r.next_id == 3);
}

BOOST_AUTO_TEST_CASE(unchanged_particles_keep_their_ids_whatever_the_labels)
{
  LinkInput in;
  in.previous_sizes = {{1, 30}, {2, 12}};
  in.next_id = 3;
  in.clusters = {{9, 30}, {8, 12}};  // labels may change between snapshots
  in.composition = {comp(9, 1, 30), comp(8, 2, 12)};
  const LinkResult r = link_particles(in);
  BOOST_TEST(r.particle_of_cluster.at(9) == 1);
  BOOST_TEST(r.particle_of_cluster.at(8) == 2);
  BOOST_TEST(r.events.empty());
  BOOST_TEST(r.exchanged.empty());
  BOOST_TEST(r.next_id == 3);
}

BOOST_AUTO_TEST_CASE(merge_keeps_the_larger_id)
{
  LinkInput in;
  in.previous_sizes = {{1, 12}, {2, 30}};
  in.next_id = 3;
  in.clusters = {{5, 42}};
  in.composition = {comp(5, 1, 12), comp(5, 2, 30)};
  const LinkResult r = link_particles(in);
  BOOST_TEST(r.particle_of_cluster.at(5) == 2);
  BOOST_TEST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].type == ParticleEvent::MERGE);
  BOOST_TEST(r.events[0].particle == 2);
  BOOST_TEST(r.events[0].other == 1);
  BOOST_TEST(r.events[0].particle_size == 42);
  BOOST_TEST(r.events[0].other_size == 12);
  BOOST_TEST(r.exchanged.empty());  // a merge is not an exchange
}

BOOST_AUTO_TEST_CASE(split_gives_the_smaller_part_a_new_id)
{
  LinkInput in;
  in.previous_sizes = {{4, 40}};
  in.next_id = 5;
  in.clusters = {{10, 15}, {2, 25}};
  in.composition = {comp(10, 4, 15), comp(2, 4, 25)};
  const LinkResult r = link_particles(in);
  BOOST_TEST(r.particle_of_cluster.at(2) == 4);
  BOOST_TEST(r.particle_of_cluster.at(10) == 5);
  BOOST_TEST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].type == ParticleEvent::SPLIT);
  BOOST_TEST(r.events[0].particle == 5);
  BOOST_TEST(r.events[0].other == 4);
  BOOST_TEST(r.events[0].other_size == 25);
  BOOST_TEST(r.exchanged.empty());  // the split-off part is not ripening flux
}

BOOST_AUTO_TEST_CASE(dissolved_particle_dies_and_ids_are_not_reused)
{
  LinkInput in;
  in.min_size = 5;
  in.previous_sizes = {{1, 6}, {2, 20}};
  in.next_id = 3;
  in.clusters = {{1, 2}, {4, 2}, {8, 2}, {30, 20}};
  in.composition = {comp(1, 1, 2), comp(4, 1, 2), comp(8, 1, 2), comp(30, 2, 20)};
  const LinkResult r = link_particles(in);
  BOOST_TEST(r.particle_of_cluster.at(30) == 2);
  BOOST_TEST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].type == ParticleEvent::DEATH);
  BOOST_TEST(r.events[0].particle == 1);
  BOOST_TEST(r.events[0].particle_size == 6);
  BOOST_TEST(r.next_id == 3);
}

BOOST_AUTO_TEST_CASE(atoms_moving_between_living_particles_are_exchange)
{
  // Particle 1 lost 3 atoms, 2 of them now in particle 2 directly, 1 through a stay as a
  // free adatom (previous particle 0, last particle 1).
  LinkInput in;
  in.min_size = 5;
  in.previous_sizes = {{1, 20}, {2, 10}};
  in.next_id = 3;
  in.clusters = {{1, 17}, {50, 13}};
  in.composition = {comp(1, 1, 17), comp(50, 2, 10), comp(50, 1, 2), comp(50, 0, 1, 1)};
  const LinkResult r = link_particles(in);
  BOOST_TEST(r.particle_of_cluster.at(1) == 1);
  BOOST_TEST(r.particle_of_cluster.at(50) == 2);
  BOOST_TEST(r.events.empty());
  BOOST_TEST_REQUIRE(r.exchanged.size() == 1u);
  BOOST_TEST(r.exchanged.at({1, 2}) == 3);
}

BOOST_AUTO_TEST_CASE(free_atoms_nucleating_give_a_birth)
{
  LinkInput in;
  in.min_size = 5;
  in.previous_sizes = {{1, 20}};
  in.next_id = 2;
  in.clusters = {{3, 20}, {60, 6}};
  in.composition = {comp(3, 1, 20), comp(60, 0, 6)};
  const LinkResult r = link_particles(in);
  BOOST_TEST(r.particle_of_cluster.at(60) == 2);
  BOOST_TEST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].type == ParticleEvent::BIRTH);
}

BOOST_AUTO_TEST_CASE(ties_are_broken_deterministically)
{
  // Two equal halves of particle 7: the cluster with the smaller label keeps ID 7.
  LinkInput in;
  in.previous_sizes = {{7, 20}};
  in.next_id = 8;
  in.clusters = {{31, 10}, {12, 10}};
  in.composition = {comp(31, 7, 10), comp(12, 7, 10)};
  const LinkResult r = link_particles(in);
  BOOST_TEST(r.particle_of_cluster.at(12) == 7);
  BOOST_TEST(r.particle_of_cluster.at(31) == 8);
}

BOOST_AUTO_TEST_CASE(inconsistent_input_is_rejected)
{
  LinkInput in;
  in.clusters = {{1, 3}, {1, 4}};
  BOOST_CHECK_THROW(link_particles(in), std::invalid_argument);
  in.clusters = {{1, 3}};
  in.composition = {comp(2, 0, 3)};
  BOOST_CHECK_THROW(link_particles(in), std::invalid_argument);
  in.composition = {comp(1, 9, 3)};
  BOOST_CHECK_THROW(link_particles(in), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
