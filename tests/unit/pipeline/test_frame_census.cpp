#include "pipeline/frame_census.h"

#include <boost/test/unit_test.hpp>

using namespace exsolve;

namespace {

// Two metal atoms (type 2) 2 Å apart on x, masses 1 and 3, and one atom of type 1.
io::Frame frame_with_masses()
{
  io::Frame frame;
  frame.box.hi = {{20.0, 20.0, 20.0}};
  frame.id = {1, 2, 3};
  frame.type = {2, 2, 1};
  frame.position = {{{5.0, 5.0, 5.0}}, {{7.0, 5.0, 5.0}}, {{12.0, 5.0, 5.0}}};
  frame.extra["mass"] = {1.0, 3.0, 16.0};
  return frame;
}

core::PeriodicBox box_of(const io::Frame &frame)
{
  core::PeriodicBox box;
  for (int k = 0; k < 3; ++k) {
    box.lo[k] = frame.box.lo[k];
    box.hi[k] = frame.box.hi[k];
    box.periodic[k] = true;
  }
  return box;
}

io::AnalysisConfig metal_type_2()
{
  io::AnalysisConfig config;
  config.metal_types = {2};
  config.particle_cutoff = 3.0;
  config.atomic_volume = 10.94;
  return config;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(frame_census)

// One labelling serves both: the census with equal masses (bonds, socket, track,
// coarsening) and, for particles, the centres weighted by the dump's masses.
BOOST_AUTO_TEST_CASE(equal_and_mass_weighted_centres_from_one_census)
{
  const io::Frame frame = frame_with_masses();
  const pipeline::FrameCensus found = pipeline::take_frame_census(frame, box_of(frame), metal_type_2(), true);
  BOOST_TEST((found.is_metal == std::vector<char>{1, 1, 0}));
  BOOST_TEST_REQUIRE(found.census.particles.size() == 1u);
  BOOST_TEST(found.census.particles[0].centre_of_mass[0] == 6.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST_REQUIRE(found.particles_weighted_by_mass().size() == 1u);
  BOOST_TEST(found.particles_weighted_by_mass()[0].centre_of_mass[0] == 6.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(found.particles_weighted_by_mass()[0].atoms == 2);
}

BOOST_AUTO_TEST_CASE(no_mass_weighting_unless_asked_or_given)
{
  const io::Frame frame = frame_with_masses();
  const pipeline::FrameCensus unasked = pipeline::take_frame_census(frame, box_of(frame), metal_type_2(), false);
  BOOST_TEST(!unasked.mass_weighted_particles.has_value());
  BOOST_TEST(unasked.particles_weighted_by_mass()[0].centre_of_mass[0] == 6.0, boost::test_tools::tolerance(1e-12));

  io::Frame without_masses = frame_with_masses();
  without_masses.extra.clear();
  const pipeline::FrameCensus equal =
      pipeline::take_frame_census(without_masses, box_of(without_masses), metal_type_2(), true);
  BOOST_TEST(!equal.mass_weighted_particles.has_value());
  BOOST_TEST(equal.particles_weighted_by_mass()[0].centre_of_mass[0] == 6.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(atoms_of_types_small_and_huge_type_numbers)
{
  io::Frame frame;
  frame.type = {1, 2, 3, 70000, 2000000000, 2};
  frame.id = {1, 2, 3, 4, 5, 6};
  frame.position.assign(6, {{0.0, 0.0, 0.0}});
  const std::vector<char> small = pipeline::atoms_of_types(frame, {3, 2});
  BOOST_TEST(small == (std::vector<char>{0, 1, 1, 0, 0, 1}), boost::test_tools::per_element());
  // Type numbers far beyond any table: looked up without one.
  const std::vector<char> huge = pipeline::atoms_of_types(frame, {2000000000, 1});
  BOOST_TEST(huge == (std::vector<char>{1, 0, 0, 0, 1, 0}), boost::test_tools::per_element());
  const std::vector<char> none = pipeline::atoms_of_types(frame, {});
  BOOST_TEST(none == std::vector<char>(6, 0), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
