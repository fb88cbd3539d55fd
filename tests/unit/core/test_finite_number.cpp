#include "core/finite_number.h"
#include "core/periodic_box.h"

#include <boost/test/unit_test.hpp>

using namespace exsolve::core;

BOOST_AUTO_TEST_SUITE(finite_number)

BOOST_AUTO_TEST_CASE(decimal_numbers_that_fit_a_double)
{
  double value = 0.0;
  BOOST_TEST(parse_finite_number("2.4", value));
  BOOST_TEST(value == 2.4);
  BOOST_TEST(parse_finite_number("-1e-3", value));
  BOOST_TEST(value == -1e-3);
  BOOST_TEST(parse_finite_number("+7", value));
  BOOST_TEST(value == 7.0);
  BOOST_TEST(parse_finite_number("1e-400", value));  // underflow: zero, still a number
  BOOST_TEST(value == 0.0);
}

BOOST_AUTO_TEST_CASE(overflow_infinities_and_non_numbers_are_refused)
{
  double value = 0.0;
  for (const char *word : {"1e400", "-1e400", "inf", "-inf", "nan", ".inf", ".nan", "0x10", "", "2.4A", "1e", "abc"})
    BOOST_TEST(!parse_finite_number(word, value), word);
  BOOST_TEST(finite_number_expected("a distance in Å", "1e400") ==
             "expects a distance in Å (a finite number), got '1e400'");
}

BOOST_AUTO_TEST_CASE(box_axes_shorter_than_twice_a_cutoff)
{
  PeriodicBox box;
  box.hi = {{20.0, 5.0, 1.0}};
  BOOST_TEST(box.axis_shorter_than_twice(2.4) == 2);  // 5 >= 4.8, 1 < 4.8
  BOOST_TEST(box.axis_shorter_than_twice(2.6) == 1);  // the first short axis
  BOOST_TEST(box.axis_shorter_than_twice(2.5) == 2);  // exactly twice is long enough
  box.periodic[2] = false;                            // a non-periodic axis never counts
  BOOST_TEST(box.axis_shorter_than_twice(2.4) == -1);
}

BOOST_AUTO_TEST_SUITE_END()
