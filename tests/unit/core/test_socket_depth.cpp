#include "core/socket_depth.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace exsolve::core;

BOOST_AUTO_TEST_SUITE(socket_depth)

BOOST_AUTO_TEST_CASE(particle_sunk_into_a_flat_surface)
{
  // Support: a square net of atoms at z = 10 (and z = 8 below) in a 60 x 60 Å periodic cell;
  // a particle column of atoms from z = 7 to z = 13 at (30, 30): 3 Å below the surface,
  // half of its 6 Å height submerged. A second particle sits on top (bottom at 11.5).
  OrthogonalBox box;
  box.hi = {{60.0, 60.0, 40.0}};
  box.periodic = {{true, true, false}};
  std::vector<Vec3> x;
  std::vector<char> support;
  std::vector<std::int64_t> particle;
  for (int i = 0; i < 30; ++i)
    for (int j = 0; j < 30; ++j)
      for (double z : {8.0, 10.0}) {
        x.push_back({{2.0 * i + 0.5, 2.0 * j + 0.5, z}});
        support.push_back(1);
        particle.push_back(0);
      }
  for (double z = 7.0; z <= 13.0; z += 1.0)
    for (double dx : {-1.0, 1.0}) {
      x.push_back({{30.0 + dx, 30.0, z}});
      support.push_back(0);
      particle.push_back(5);
    }
  for (double z = 11.5; z <= 14.5; z += 1.0) {
    x.push_back({{5.0, 5.0, z}});  // near the periodic corner
    support.push_back(0);
    particle.push_back(9);
  }
  SocketOptions options;
  options.cell = 3.0;
  options.ring_width = 5.0;
  const SocketResult r = measure_sockets(SocketInput{&x, &support, &particle}, box, options);
  BOOST_TEST(r.reference_height == 10.0);
  BOOST_TEST(r.reference_cells > 100);
  BOOST_TEST_REQUIRE(r.particles.size() == 2u);
  const SocketRecord &sunk = r.particles[0];
  BOOST_TEST(sunk.particle == 5);
  BOOST_TEST(sunk.bottom == 7.0);
  BOOST_TEST(sunk.rim_height == 10.0);
  BOOST_TEST(sunk.depth_local == 3.0);
  BOOST_TEST(sunk.depth_global == 3.0);
  BOOST_TEST(sunk.submerged_fraction == 0.5);
  BOOST_TEST(sunk.rim_cells > 0);
  const SocketRecord &resting = r.particles[1];
  BOOST_TEST(resting.depth_local == -1.5);
  BOOST_TEST(resting.submerged_fraction == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
