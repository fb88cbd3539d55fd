// core/thermochemistry against independent tabulated data.
#include "core/thermochemistry.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace exsolve::thermo;

BOOST_AUTO_TEST_SUITE(thermochemistry)

BOOST_AUTO_TEST_CASE(delta_mu_o_matches_the_janaf_table)
{
  // dmu_O(T, 1 bar) in eV from NIST-JANAF O2 (shared/SCIENCE.md section 1, computed there).
  const double table[][2] = {{300, -0.274},  {400, -0.383},  {500, -0.495},  {600, -0.611},  {700, -0.730},
                             {800, -0.851},  {900, -0.974},  {1000, -1.100}, {1100, -1.227}, {1200, -1.355},
                             {1300, -1.486}, {1400, -1.618}, {1500, -1.751}};
  for (const auto &row : table)
    BOOST_TEST(std::abs(delta_mu_oxygen_standard(row[0]) - row[1]) < 0.003, "T = " << row[0]);
}

BOOST_AUTO_TEST_CASE(water_formation_matches_janaf)
{
  // JANAF dG_f(H2O, g), kJ/mol (shared/SCIENCE.md, read in the table).
  BOOST_TEST(std::abs(gibbs_formation_water(1000.0) - (-192.590)) < 0.15);
  BOOST_TEST(std::abs(gibbs_formation_water(1200.0) - (-181.425)) < 0.15);
  BOOST_TEST(std::abs(gibbs_formation_water(1500.0) - (-164.376)) < 0.15);
  // The linear fit of SCIENCE.md (-247.60 + 0.05527 T, max error 0.43 kJ/mol over 600-1500 K).
  for (double t : {700.0, 800.0, 900.0, 1100.0, 1300.0, 1400.0})
    BOOST_TEST(std::abs(gibbs_formation_water(t) - (-247.60 + 0.05527 * t)) < 0.5, "T = " << t);
}

BOOST_AUTO_TEST_CASE(h2_h2o_buffer)
{
  // pO2 of pH2 = pH2O at 1000 K: exp(2 dG_f / RT) with dG_f = -192.590 kJ/mol (JANAF).
  const double expected = std::exp(2.0 * -192590.0 / (8.314462618 * 1000.0));
  BOOST_TEST(std::abs(po2_of_h2_h2o(1000.0, 1.0) / expected - 1.0) < 0.05);
  // Ten times more H2: pO2 a hundred times lower.
  BOOST_TEST(po2_of_h2_h2o(1000.0, 10.0) == po2_of_h2_h2o(1000.0, 1.0) / 100.0, boost::test_tools::tolerance(1e-12));
  // The buffer's dmu_O is that of its pO2.
  for (double t : {700.0, 900.0, 1100.0, 1300.0, 1500.0})
    BOOST_TEST(delta_mu_oxygen_h2_h2o(t, 19.0) == delta_mu_oxygen(t, po2_of_h2_h2o(t, 19.0)),
               boost::test_tools::tolerance(1e-9));
  // 5 % H2 with ~10 ppm H2O at 900 °C is strongly reducing: about -4.1 eV (SCIENCE.md).
  const double dmu = delta_mu_oxygen_h2_h2o(1173.15, 0.05 / 10e-6);
  BOOST_TEST(dmu < -3.9);
  BOOST_TEST(dmu > -4.3);
}

BOOST_AUTO_TEST_CASE(outside_the_range_is_an_error)
{
  BOOST_CHECK_THROW(delta_mu_oxygen_standard(250.0), RangeError);
  BOOST_CHECK_THROW(delta_mu_oxygen_standard(1600.0), RangeError);
  BOOST_CHECK_THROW(gibbs_formation_water(400.0), RangeError);
  BOOST_CHECK_THROW(delta_mu_oxygen(1000.0, 0.0), std::invalid_argument);
  BOOST_CHECK_THROW(po2_of_h2_h2o(1000.0, -1.0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
