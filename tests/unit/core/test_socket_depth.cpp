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
  PeriodicBox box;
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

BOOST_AUTO_TEST_CASE(sphere_at_a_known_depth_in_a_slab)
{
  // A slab of support atoms on a 2 Å cubic lattice, top layer at z = 20; a sphere of radius
  // 6 Å (atoms on a 1.5 Å lattice inside it, plus its south pole) whose lowest point is
  // 2.3 Å below the surface. Expected depth 2.3 within 0.2 Å (the tolerance).
  PeriodicBox box;
  box.hi = {{60.0, 60.0, 50.0}};
  box.periodic = {{true, true, false}};
  const Vec3 centre = {{30.0, 30.0, 20.0 - 2.3 + 6.0}};
  std::vector<Vec3> x;
  std::vector<char> support;
  std::vector<std::int64_t> particle;
  auto inside = [&](const Vec3 &p) {
    return std::pow(p[0] - centre[0], 2) + std::pow(p[1] - centre[1], 2) + std::pow(p[2] - centre[2], 2) <= 36.0;
  };
  for (int i = 0; i < 30; ++i)
    for (int j = 0; j < 30; ++j)
      for (int k = 0; k <= 10; ++k) {
        const Vec3 p = {{2.0 * i, 2.0 * j, 2.0 * k}};
        if (inside(p)) continue;  // the pit the particle sits in
        x.push_back(p);
        support.push_back(1);
        particle.push_back(0);
      }
  for (double dx = -6.0; dx <= 6.0; dx += 1.5)
    for (double dy = -6.0; dy <= 6.0; dy += 1.5)
      for (double dz = -6.0; dz <= 6.0; dz += 1.5) {
        const Vec3 p = {{centre[0] + dx, centre[1] + dy, centre[2] + dz}};
        if (!inside(p)) continue;
        x.push_back(p);
        support.push_back(0);
        particle.push_back(1);
      }
  BOOST_TEST_REQUIRE(particle.back() == 1);
  const SocketResult r = measure_sockets(SocketInput{&x, &support, &particle}, box, SocketOptions{});
  BOOST_TEST_REQUIRE(r.particles.size() == 1u);
  BOOST_TEST(r.reference_height == 20.0);
  BOOST_TEST(std::abs(r.particles[0].depth_global - 2.3) <= 0.2);
  BOOST_TEST(std::abs(r.particles[0].depth_local - 2.3) <= 0.2);
}

BOOST_AUTO_TEST_SUITE_END()
