#include "core/diffusion_fit.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <random>

using namespace exsolve::core;

BOOST_AUTO_TEST_SUITE(block_diffusion_estimate)

// Independent 2D Gaussian random walks with step variance s^2 per axis per frame of dt:
// D = s^2 / (2 dt). The block estimate must find it within 3 standard errors, with a
// non-zero error, from (particles x blocks) segments.
BOOST_AUTO_TEST_CASE(recovers_an_imposed_random_walk)
{
  std::mt19937 generator(20251124);
  const double step = 0.5, dt = 0.1;
  std::normal_distribution<double> gauss(0.0, step);
  std::vector<std::vector<Vec3>> trajectories(6);
  for (auto &t : trajectories) {
    Vec3 r{{0.0, 0.0, 0.0}};
    for (int k = 0; k < 400; ++k) {
      t.push_back(r);
      r[0] += gauss(generator);
      r[1] += gauss(generator);
      r[2] += 100.0;  // out of plane: ignored
    }
  }
  const BlockDiffusion d = block_diffusion(trajectories, dt, 0, 1, 4);
  BOOST_TEST(d.segments == 24);
  BOOST_TEST(d.standard_error > 0.0);
  const double imposed = step * step / (2 * dt);
  BOOST_TEST(std::fabs(d.diffusion - imposed) < 3 * d.standard_error);
  BOOST_TEST(d.standard_error < 0.2 * imposed);
}

BOOST_AUTO_TEST_CASE(too_short_trajectories_give_no_segments)
{
  const std::vector<std::vector<Vec3>> short_one{std::vector<Vec3>(20, Vec3{{0.0, 0.0, 0.0}})};
  const BlockDiffusion d = block_diffusion(short_one, 1.0, 0, 1, 4, 8);
  BOOST_TEST(d.segments == 0);
  BOOST_TEST(std::isnan(d.diffusion));
  BOOST_TEST(std::isnan(d.standard_error));
}

BOOST_AUTO_TEST_SUITE_END()
