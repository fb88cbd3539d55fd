#include "core/particle_census.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace exsolve::core;

BOOST_AUTO_TEST_SUITE(particle_census)

BOOST_AUTO_TEST_CASE(particles_free_atoms_and_sizes)
{
  // A 2 x 2 x 2 cube of metal atoms (2 Å apart) straddling the periodic x boundary, a
  // metal dimer (below min_size 3), and an oxygen next to the cube (not metal).
  PeriodicBox box;
  box.hi = {{20.0, 20.0, 30.0}};
  box.periodic = {{true, true, false}};
  std::vector<Vec3> x;
  std::vector<std::int64_t> ids;
  std::vector<char> metal;
  std::int64_t id = 10;
  for (double dx : {19.0, 1.0})
    for (double y : {5.0, 7.0})
      for (double z : {5.0, 7.0}) {
        x.push_back({{dx, y, z}});
        ids.push_back(id--);
        metal.push_back(1);
      }
  x.push_back({{10.0, 10.0, 10.0}});
  x.push_back({{10.0, 11.0, 10.0}});
  ids.push_back(20);
  ids.push_back(21);
  metal.push_back(1);
  metal.push_back(1);
  x.push_back({{1.0, 6.0, 9.0}});
  ids.push_back(1);
  metal.push_back(0);

  CensusOptions options;
  options.cutoff = 2.5;
  options.min_size = 3;
  options.atomic_volume = 10.0;
  const Census census = take_census(CensusInput{&x, &ids, &metal, nullptr}, box, options);
  BOOST_TEST_REQUIRE(census.particles.size() == 1u);
  const ParticleRecord &p = census.particles[0];
  BOOST_TEST(p.label == 3);
  BOOST_TEST(p.atoms == 8);
  BOOST_TEST(census.free_atoms == 2);
  BOOST_TEST(p.centre_of_mass[0] == 0.0, boost::test_tools::tolerance(1e-9));  // on the boundary
  BOOST_TEST(p.centre_of_mass[1] == 6.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(p.radius_of_gyration == std::sqrt(3.0), boost::test_tools::tolerance(1e-9));
  BOOST_TEST(p.height == 2.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(p.equivalent_diameter == std::cbrt(6.0 * 80.0 / 3.141592653589793), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(census.particle_of_atom[8] == 0);   // dimer
  BOOST_TEST(census.particle_of_atom[10] == 0);  // oxygen
}

BOOST_AUTO_TEST_CASE(particle_larger_than_half_the_box_from_its_edge_atom)
{
  // A chain of 7 atoms 2 Å apart along x (12 Å long) in a 20 Å periodic box; the smallest
  // atom ID sits at one end, so the offset of the other end, 12 Å, folds to -8 Å. The
  // census must measure it again about its (approximate) centre: x = 6, Rg^2 = 16.
  PeriodicBox box;
  box.hi = {{20.0, 20.0, 30.0}};
  box.periodic = {{true, true, false}};
  std::vector<Vec3> x;
  std::vector<std::int64_t> ids;
  std::vector<char> metal;
  for (int k = 0; k < 7; ++k) {
    x.push_back({{2.0 * k, 5.0, 5.0}});
    ids.push_back(k + 1);
    metal.push_back(1);
  }
  CensusOptions options;
  options.cutoff = 2.5;
  const Census census = take_census(CensusInput{&x, &ids, &metal, nullptr}, box, options);
  BOOST_TEST_REQUIRE(census.particles.size() == 1u);
  const ParticleRecord &p = census.particles[0];
  BOOST_TEST(p.centre_of_mass[0] == 6.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(p.radius_of_gyration == 4.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_SUITE_END()
