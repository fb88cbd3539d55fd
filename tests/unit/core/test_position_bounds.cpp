#include "core/position_bounds.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

using namespace exsolve::core;

BOOST_AUTO_TEST_SUITE(position_bounds)

const Vec3 LO{{0.0, -5.0, 0.0}};
const Vec3 HI{{10.0, 5.0, 20.0}};
const std::array<std::string, 3> NAMES{{"xu", "yu", "zu"}};

BOOST_AUTO_TEST_CASE(positions_up_to_a_million_box_lengths_outside_are_analysed)
{
  BOOST_TEST(position_problem({{5.0, 0.0, 10.0}}, LO, HI, NAMES).empty());
  // Unwrapped, far away but within the bound: 1e6 lengths of x is 1e7 Å beyond hi.
  BOOST_TEST(position_problem({{10.0 + 1e7, -5.0 - 1e7, -2e7}}, LO, HI, NAMES).empty());
}

BOOST_AUTO_TEST_CASE(beyond_the_bound_the_first_bad_coordinate_is_named)
{
  BOOST_TEST(position_problem({{10.0 + 1.1e7, 0.0, 0.0}}, LO, HI, NAMES) ==
             "xu = 1.1e+07 lies more than 1e+06 box lengths outside the box [0, 10]: a corrupt position");
  BOOST_TEST(position_problem({{0.0, -1e300, 0.0}}, LO, HI, NAMES) ==
             "yu = -1e+300 lies more than 1e+06 box lengths outside the box [-5, 5]: a corrupt position");
}

BOOST_AUTO_TEST_CASE(non_finite_coordinates_are_named)
{
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  BOOST_TEST(position_problem({{0.0, 0.0, nan}}, LO, HI, NAMES) == "zu is nan: positions must be finite numbers");
  BOOST_TEST(position_problem({{-inf, 0.0, 0.0}}, LO, HI, NAMES) == "xu is -inf: positions must be finite numbers");
}

BOOST_AUTO_TEST_SUITE_END()
