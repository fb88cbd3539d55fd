#include "core/growth_law.h"
#include "core/diffusion_fit.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <stdexcept>

using namespace exsolve::core;

BOOST_AUTO_TEST_SUITE(growth_law)

BOOST_AUTO_TEST_CASE(recovers_an_exact_lsw_law)
{
  // r^3 = 20^3 + 150 t: LSW (n = 3) exactly.
  std::vector<double> t, r;
  for (int k = 0; k <= 20; ++k) {
    t.push_back(10.0 * k);
    r.push_back(std::cbrt(8000.0 + 150.0 * t.back()));
  }
  const auto fits = fit_growth_laws(t, r);
  BOOST_TEST_REQUIRE(fits.size() == 3u);
  BOOST_TEST(fits[1].exponent == 3);
  BOOST_TEST(fits[1].rate == 150.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(fits[1].initial == 20.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(fits[1].r_squared == 1.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(fits[0].r_squared < 1.0 - 1e-6);
  BOOST_TEST(best_exponent(fits) == 3);
}

BOOST_AUTO_TEST_CASE(rejects_too_few_frames)
{
  BOOST_CHECK_THROW(fit_growth_laws({0.0, 1.0}, {1.0, 2.0}), std::invalid_argument);
  BOOST_CHECK_THROW(fit_growth_laws({1.0, 1.0, 1.0}, {1.0, 2.0, 3.0}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(diffusion_fit_of_an_exact_line)
{
  // MSD = 4 D lag with D = 0.5 for two straight-line "trajectories" would not be diffusive;
  // feed the MSD points directly.
  std::vector<MsdPoint> msd;
  for (int k = 1; k <= 40; ++k) msd.push_back({0.1 * k, 4.0 * 0.5 * 0.1 * k, 100});
  const DiffusionFit fit = fit_diffusion(msd);
  BOOST_TEST(fit.diffusion == 0.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(fit.diffusion_uncertainty < 1e-9);
  BOOST_TEST(fit.exponent == 1.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(fit.points == 10);
}

BOOST_AUTO_TEST_CASE(msd_of_a_ballistic_pair_of_trajectories)
{
  // x = v t in-plane: MSD(lag) = (v lag)^2, exponent 2.
  std::vector<std::vector<Vec3>> trajectories(2);
  for (int k = 0; k < 50; ++k) {
    trajectories[0].push_back({{0.3 * k, 0.0, 7.0}});
    trajectories[1].push_back({{0.0, -0.3 * k, 2.0 * k}});  // motion along the normal is ignored
  }
  const auto msd = mean_squared_displacement(trajectories, 1.0, 0, 1);
  BOOST_TEST(msd[4].msd == std::pow(0.3 * 5, 2), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(msd[4].samples == 2 * 45);
  BOOST_TEST(fit_diffusion(msd).exponent == 2.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_SUITE_END()
