#include "core/periodic_box.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

using exsolve::core::PeriodicBox;
using exsolve::core::Vec3;

namespace {

// The fold as it was written before, one box length at a time: the oracle for separations
// within a few box lengths.
double fold_by_subtraction(double d, double l)
{
  while (d > 0.5 * l) d -= l;
  while (d < -0.5 * l) d += l;
  return d;
}

PeriodicBox box_30_periodic_in_x_and_y()
{
  PeriodicBox box;
  box.hi = {{30.0, 30.0, 30.0}};
  box.periodic = {{true, true, false}};
  return box;
}

double x_separation(const PeriodicBox &box, double d)
{
  return box.minimum_image(Vec3{{0.0, 0.0, 0.0}}, Vec3{{d, 0.0, 0.0}})[0];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(periodic_box)

BOOST_AUTO_TEST_CASE(same_fold_as_subtraction_within_one_and_a_half_boxes)
{
  const PeriodicBox box = box_30_periodic_in_x_and_y();
  // 0.37 Å steps from -45 to 45 Å never hit the half-box ties exactly.
  for (double d = -45.0 + 0.37; d < 45.0; d += 0.37) BOOST_TEST(x_separation(box, d) == fold_by_subtraction(d, 30.0));
  // At exactly half a box the separation is left as it is, either sign.
  BOOST_TEST(x_separation(box, 15.0) == 15.0);
  BOOST_TEST(x_separation(box, -15.0) == -15.0);
}

BOOST_AUTO_TEST_CASE(far_separations_fold_at_once_into_half_a_box)
{
  const PeriodicBox box = box_30_periodic_in_x_and_y();
  BOOST_TEST(x_separation(box, 3.0 + 1000.0 * 30.0) == 3.0);
  BOOST_TEST(x_separation(box, -3.0 - 2.0e6 * 30.0) == -3.0);
  // A subtraction loop spins for ever on these.
  for (double d : {1e300, -1e300, 7.5e200}) {
    const double folded = x_separation(box, d);
    BOOST_TEST(std::abs(folded) <= 15.0, d << " folds to " << folded);
  }
  BOOST_TEST(std::isnan(x_separation(box, std::numeric_limits<double>::infinity())));
}

BOOST_AUTO_TEST_CASE(non_periodic_axis_is_not_folded)
{
  const PeriodicBox box = box_30_periodic_in_x_and_y();
  const Vec3 d = box.minimum_image(Vec3{{1.0, 1.0, 1.0}}, Vec3{{29.0, -20.0, 29.0}});
  BOOST_TEST(d[0] == -2.0);
  BOOST_TEST(d[1] == 9.0);
  BOOST_TEST(d[2] == 28.0);
  BOOST_TEST(box.distance_sq(Vec3{{1.0, 1.0, 1.0}}, Vec3{{29.0, -20.0, 29.0}}) == 4.0 + 81.0 + 784.0);
}

BOOST_AUTO_TEST_SUITE_END()
