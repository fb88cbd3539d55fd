#include "core/particle_tracker.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

using namespace exsolve::core;

namespace {

// A 10 Å periodic cube.
PeriodicBox cube()
{
  PeriodicBox box;
  box.lo = {{0.0, 0.0, 0.0}};
  box.hi = {{10.0, 10.0, 10.0}};
  return box;
}

FrameCluster cluster(long label, long atoms, double x = 5.0, double y = 5.0, double z = 5.0)
{
  FrameCluster c;
  c.label = label;
  c.atoms = atoms;
  c.centre = {{x, y, z}};
  return c;
}

// A frame atom by atom: atoms `first`..`first + n - 1` in cluster `label`, for each group.
struct Atoms {
  std::vector<std::int64_t> ids, labels;
  Atoms &add(std::int64_t first, long n, std::int64_t label)
  {
    for (long k = 0; k < n; ++k) {
      ids.push_back(first + k);
      labels.push_back(label);
    }
    return *this;
  }
};

const ParticleEvent &only_event(const TrackedFrame &f)
{
  BOOST_REQUIRE_EQUAL(f.events.size(), 1u);
  return f.events.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(particle_tracker)

BOOST_AUTO_TEST_CASE(event_names_are_the_event_file_words)
{
  BOOST_TEST(std::string(name_of(ParticleEvent::BIRTH)) == "birth");
  BOOST_TEST(std::string(name_of(ParticleEvent::MERGE)) == "merge");
  BOOST_TEST(std::string(name_of(ParticleEvent::SPLIT)) == "split");
  BOOST_TEST(std::string(name_of(ParticleEvent::DEATH)) == "death");
  BOOST_TEST(std::string(event_name::exchange) == "exchange");
}

BOOST_AUTO_TEST_CASE(composition_tally_adds_up_keys_in_any_order)
{
  CompositionTally tally;
  tally.add(1, 0, 0);
  tally.add(1, 0, 0);
  tally.add(7, 2, 2);
  tally.add(1, 0, 0);  // after another key: found in the map
  tally.add(1, 3, 3);
  const std::vector<ClusterComposition> r = tally.records();
  BOOST_REQUIRE_EQUAL(r.size(), 3u);
  BOOST_TEST(r[0].cluster == 1);
  BOOST_TEST(r[0].previous_particle == 0);
  BOOST_TEST(r[0].atoms == 3);
  BOOST_TEST(r[1].last_particle == 3);
  BOOST_TEST(r[2].cluster == 7);
  BOOST_TEST(r[2].atoms == 1);

  CompositionTally copy = tally;  // counts on its own from here
  copy.add(7, 2, 2);
  BOOST_TEST(copy.records()[2].atoms == 2);
  BOOST_TEST(tally.records()[2].atoms == 1);
  tally.clear();
  BOOST_TEST(tally.records().empty());
  tally.add(7, 2, 2);
  BOOST_TEST(tally.records().size() == 1u);
}

// Clusters numbered by the caller: each number's first key is counted apart from the map,
// and the records add both up, each key once.
BOOST_AUTO_TEST_CASE(composition_tally_of_numbered_clusters_gives_each_key_once)
{
  CompositionTally tally;
  tally.clear(2);  // cluster 40 is number 0, cluster 3 number 1
  tally.add(0, 40, 1, 1);
  tally.add(1, 3, 0, 2);
  tally.add(0, 40, 1, 1);
  tally.add(0, 40, 0, 2);  // another key of number 0: in the map
  tally.add(1, 3, 0, 2);
  tally.add(40L, 0L, 2L);  // the same key through the label form
  const std::vector<ClusterComposition> r = tally.records();
  BOOST_REQUIRE_EQUAL(r.size(), 3u);
  BOOST_TEST(r[0].cluster == 3);
  BOOST_TEST(r[0].atoms == 2);
  BOOST_TEST(r[1].cluster == 40);
  BOOST_TEST(r[1].previous_particle == 0);
  BOOST_TEST(r[1].atoms == 2);
  BOOST_TEST(r[2].previous_particle == 1);
  BOOST_TEST(r[2].atoms == 2);
  tally.clear(1);
  tally.add(0, 5, 0, 0);
  BOOST_TEST(tally.records().size() == 1u);
}

BOOST_AUTO_TEST_CASE(remember_particle_keeps_the_last_particle_of_a_free_atom)
{
  double now = 0.0, last = 0.0;
  remember_particle(4, now, last);
  BOOST_TEST(now == 4.0);
  BOOST_TEST(last == 4.0);
  remember_particle(0, now, last);
  BOOST_TEST(now == 0.0);
  BOOST_TEST(last == 4.0);
}

BOOST_AUTO_TEST_CASE(first_frame_births_in_label_order_free_clusters_have_no_particle)
{
  ParticleTracker tracker(3);
  Atoms atoms;
  atoms.add(20, 4, 20).add(1, 5, 1).add(50, 2, 50);
  const TrackedFrame f =
      tracker.add_frame(100, atoms.ids, atoms.labels,
                        {cluster(1, 5, 1.0, 2.0, 3.0), cluster(20, 4, 7.0, 8.0, 9.0), cluster(50, 2)}, cube());
  BOOST_TEST(f.particle_of_cluster.at(1) == 1);
  BOOST_TEST(f.particle_of_cluster.at(20) == 2);
  BOOST_TEST(f.particle_of_cluster.at(50) == 0);
  BOOST_REQUIRE_EQUAL(f.events.size(), 2u);
  BOOST_TEST(f.events[0].type == ParticleEvent::BIRTH);
  BOOST_TEST(f.events[1].particle == 2);
  BOOST_REQUIRE_EQUAL(f.particles.size(), 2u);
  BOOST_TEST(f.particles[1].id == 2);
  BOOST_TEST(f.particles[1].birth_step == 100);
  BOOST_TEST(f.particles[1].unwrapped_centre[2] == 9.0);
  BOOST_TEST(f.particles[1].displacement() == 0.0);
  BOOST_TEST(tracker.counts().births == 2);
  BOOST_TEST(tracker.next_id() == 3);
  BOOST_TEST(tracker.mean_atoms() == 4.5);
  BOOST_REQUIRE_EQUAL(tracker.living().size(), 2u);
  BOOST_TEST(tracker.living()[0].atoms == 5);
}

BOOST_AUTO_TEST_CASE(centres_are_followed_through_periodic_boundaries)
{
  ParticleTracker tracker(2);
  Atoms atoms;
  atoms.add(1, 3, 1);
  tracker.add_frame(0, atoms.ids, atoms.labels, {cluster(1, 3, 9.0, 5.0, 5.0)}, cube());
  // +2 Å along x: across the boundary, wrapped to 1 Å.
  tracker.add_frame(10, atoms.ids, atoms.labels, {cluster(1, 3, 1.0, 5.0, 5.0)}, cube());
  // Back across it (1 -> 9 Å wrapped is -2 Å) and +1 Å along y.
  const TrackedFrame f = tracker.add_frame(20, atoms.ids, atoms.labels, {cluster(1, 3, 9.0, 6.0, 5.0)}, cube());
  BOOST_TEST(f.events.empty());
  const TrackedParticle &p = f.particles.at(0);
  BOOST_TEST(p.id == 1);
  BOOST_TEST(p.birth_step == 0);
  BOOST_TEST(p.unwrapped_centre[0] == 9.0);
  BOOST_TEST(p.unwrapped_centre[1] == 6.0);
  BOOST_TEST(p.wrapped_centre[0] == 9.0);
  BOOST_TEST(p.displacement() == 1.0);
  BOOST_TEST(tracker.mean_squared_displacement() == 1.0);
}

BOOST_AUTO_TEST_CASE(unwrapped_centre_runs_past_the_box)
{
  ParticleTracker tracker(1);
  Atoms atoms;
  atoms.add(1, 2, 1);
  double x = 8.0;
  for (int frame = 0; frame < 6; ++frame, x += 3.0) {
    const double wrapped = x - 10.0 * std::floor(x / 10.0);
    tracker.add_frame(frame, atoms.ids, atoms.labels, {cluster(1, 2, wrapped, 5.0, 5.0)}, cube());
  }
  BOOST_TEST(tracker.living().at(0).unwrapped_centre[0] == 23.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(tracker.living().at(0).displacement() == 15.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(merge_split_death_and_exchange)
{
  ParticleTracker tracker(3);
  const PeriodicBox box = cube();
  // Frame 0: particles 1 (atoms 1-5) and 2 (atoms 11-14).
  Atoms a0;
  a0.add(1, 5, 1).add(11, 4, 11);
  tracker.add_frame(0, a0.ids, a0.labels, {cluster(1, 5), cluster(11, 4)}, box);

  // Frame 1: they touch: one cluster labelled 1 -> particle 1 lives on, 2 merged into it.
  Atoms a1;
  a1.add(1, 5, 1).add(11, 4, 1);
  const TrackedFrame merged = tracker.add_frame(1, a1.ids, a1.labels, {cluster(1, 9)}, box);
  const ParticleEvent &m = only_event(merged);
  BOOST_TEST(m.type == ParticleEvent::MERGE);
  BOOST_TEST(m.particle == 1);
  BOOST_TEST(m.other == 2);
  BOOST_TEST(m.particle_size == 9);
  BOOST_TEST(m.other_size == 4);
  BOOST_TEST(merged.exchanged.empty());  // the giving particle ended

  // Frame 2: atoms 11-14 part again: a split (new ID 3, parent 1), no exchange.
  const TrackedFrame split = tracker.add_frame(2, a0.ids, a0.labels, {cluster(1, 5), cluster(11, 4)}, box);
  const ParticleEvent &s = only_event(split);
  BOOST_TEST(s.type == ParticleEvent::SPLIT);
  BOOST_TEST(s.particle == 3);
  BOOST_TEST(s.other == 1);
  BOOST_TEST(split.exchanged.empty());

  // Frame 3: atom 5 leaves particle 1 for free space, and particle 3 dissolves.
  Atoms a3;
  a3.add(1, 4, 1).add(5, 1, 5).add(11, 1, 11).add(12, 1, 12).add(13, 1, 13).add(14, 1, 14);
  const TrackedFrame dead =
      tracker.add_frame(3, a3.ids, a3.labels,
                        {cluster(1, 4), cluster(5, 1), cluster(11, 1), cluster(12, 1), cluster(13, 1), cluster(14, 1)},
                        box);
  const ParticleEvent &d = only_event(dead);
  BOOST_TEST(d.type == ParticleEvent::DEATH);
  BOOST_TEST(d.particle == 3);
  BOOST_TEST(d.particle_size == 4);

  // Frame 4: free atom 5 (last in 1) and atoms 11-13 (last in the dead 3) form a new
  // particle: a birth (all its atoms were free); 1 -> new exchanges one atom, the dead
  // particle exchanges nothing.
  Atoms a4;
  a4.add(1, 4, 1).add(5, 1, 5).add(11, 3, 5).add(14, 1, 14);
  const TrackedFrame born =
      tracker.add_frame(4, a4.ids, a4.labels, {cluster(1, 4), cluster(5, 4), cluster(14, 1)}, box);
  const ParticleEvent &b = only_event(born);
  BOOST_TEST(b.type == ParticleEvent::BIRTH);
  BOOST_TEST(b.particle == 4);
  BOOST_REQUIRE_EQUAL(born.exchanged.size(), 1u);
  BOOST_TEST(born.exchanged.begin()->first.first == 1);
  BOOST_TEST(born.exchanged.begin()->first.second == 4);
  BOOST_TEST(born.exchanged.begin()->second == 1);

  const EventCounts &n = tracker.counts();
  BOOST_TEST(n.births == 3);
  BOOST_TEST(n.merges == 1);
  BOOST_TEST(n.splits == 1);
  BOOST_TEST(n.deaths == 1);
  BOOST_TEST(n.exchanged_atoms == 1);
  BOOST_REQUIRE_EQUAL(tracker.living().size(), 2u);
  BOOST_TEST(tracker.living()[1].id == 4);
  BOOST_TEST(tracker.living()[1].birth_step == 4);
}

// The composition form, counted in two parts (two MPI ranks) and kept by the caller with
// remember_particle, gives what the atom-by-atom form gives.
BOOST_AUTO_TEST_CASE(composition_form_agrees_with_atom_form)
{
  ParticleTracker by_atoms(2), by_composition(2);
  const PeriodicBox box = cube();
  std::vector<long> now(20, 0), last(20, 0);  // by atom ID, kept by the "ranks"
  const std::vector<std::vector<FrameCluster>> clusters = {{cluster(1, 6, 1.0, 1.0, 1.0),
                                                            cluster(10, 5, 9.5, 1.0, 1.0)},
                                                           {cluster(1, 11, 0.5, 1.0, 1.0)},
                                                           {cluster(1, 3, 1.0, 1.0, 1.0), cluster(4, 3, 2.0, 1.0, 1.0),
                                                            cluster(10, 5, 9.0, 1.0, 1.0)}};
  std::vector<Atoms> frames(3);
  frames[0].add(1, 6, 1).add(10, 5, 10);
  frames[1].add(1, 6, 1).add(10, 5, 1);
  frames[2].add(1, 3, 1).add(4, 3, 4).add(10, 5, 10);
  for (std::size_t f = 0; f < frames.size(); ++f) {
    const Atoms &atoms = frames[f];
    const TrackedFrame a = by_atoms.add_frame(static_cast<long long>(f), atoms.ids, atoms.labels, clusters[f], box);
    // Rank 0 counts by label, rank 1 numbers the clusters as they are listed.
    CompositionTally rank[2];
    rank[1].clear(clusters[f].size());
    for (std::size_t i = 0; i < atoms.ids.size(); ++i) {
      const long id = static_cast<long>(atoms.ids[i]), label = static_cast<long>(atoms.labels[i]);
      if (i % 2 == 0) {
        rank[0].add(label, now[id], last[id]);
        continue;
      }
      std::size_t number = 0;
      while (clusters[f][number].label != label) ++number;
      rank[1].add(number, label, now[id], last[id]);
    }
    std::vector<ClusterComposition> gathered = rank[0].records();
    for (const ClusterComposition &c : rank[1].records()) gathered.push_back(c);
    const TrackedFrame c = by_composition.add_frame(static_cast<long long>(f), clusters[f], gathered, box);
    for (std::size_t i = 0; i < atoms.ids.size(); ++i)
      remember_particle(c.particle_of_cluster.at(atoms.labels[i]), now[atoms.ids[i]], last[atoms.ids[i]]);
    BOOST_TEST(a.particle_of_cluster == c.particle_of_cluster);
    BOOST_REQUIRE_EQUAL(a.events.size(), c.events.size());
    for (std::size_t e = 0; e < a.events.size(); ++e) {
      BOOST_TEST(a.events[e].type == c.events[e].type);
      BOOST_TEST(a.events[e].particle == c.events[e].particle);
      BOOST_TEST(a.events[e].other == c.events[e].other);
    }
    BOOST_TEST(a.exchanged == c.exchanged);
  }
  // Frame 2: particle 1 goes on as cluster 10 (most shared atoms), clusters 1 and 4 split
  // off it; its centre went from 0.5 Å back through the boundary to 9 Å: -1 Å unwrapped.
  BOOST_TEST(by_atoms.counts().merges == 1);
  BOOST_TEST(by_atoms.counts().splits == 2);
  BOOST_TEST(by_composition.living().at(0).id == 1);
  BOOST_TEST(by_composition.living().at(0).unwrapped_centre[0] == -1.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(restored_state_continues_the_same_way)
{
  const PeriodicBox box = cube();
  Atoms atoms;
  atoms.add(1, 4, 1).add(7, 4, 7);
  ParticleTracker whole(2);
  whole.add_frame(0, atoms.ids, atoms.labels, {cluster(1, 4, 9.0, 1.0, 1.0), cluster(7, 4)}, box);

  // The composition form keeps no atoms: a second tracker restored from the first's state
  // continues it.
  ParticleTracker restarted(2);
  restarted.restore(whole.state());
  const std::vector<ClusterComposition> composition = {{1, 1, 1, 4}, {7, 2, 2, 4}};
  const std::vector<FrameCluster> next = {cluster(1, 4, 1.0, 1.0, 1.0), cluster(7, 4)};
  const TrackedFrame a = whole.add_frame(5, next, composition, box);
  const TrackedFrame b = restarted.add_frame(5, next, composition, box);
  BOOST_TEST(a.events.empty());
  BOOST_TEST(b.events.empty());
  BOOST_TEST(b.particles.at(0).unwrapped_centre[0] == 11.0);
  BOOST_TEST(b.particles.at(0).unwrapped_centre[0] == a.particles.at(0).unwrapped_centre[0]);
  BOOST_TEST(restarted.next_id() == 3);
  BOOST_TEST(restarted.counts().births == 2);

  ParticleTracker::State bad = whole.state();
  bad.living[1].id = 1;  // repeated
  BOOST_CHECK_THROW(restarted.restore(bad), std::invalid_argument);
  bad = whole.state();
  bad.next_id = 2;  // particle 2 at or beyond it
  BOOST_CHECK_THROW(restarted.restore(bad), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(wrong_input_is_refused)
{
  BOOST_CHECK_THROW(ParticleTracker(0), std::invalid_argument);
  ParticleTracker tracker(1);
  const std::vector<std::int64_t> ids = {1, 2}, one_label = {1};
  BOOST_CHECK_THROW(tracker.add_frame(0, ids, one_label, {cluster(1, 2)}, cube()), std::invalid_argument);
  const std::vector<std::int64_t> unknown_cluster = {1, 5};
  BOOST_CHECK_THROW(tracker.add_frame(0, ids, unknown_cluster, {cluster(1, 2)}, cube()), std::invalid_argument);
  BOOST_CHECK_THROW(tracker.add_frame(0, {cluster(1, 2)}, {{1, 9, 9, 2}}, cube()), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
