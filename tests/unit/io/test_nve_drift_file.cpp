#include "io/nve_drift_file.h"
#include "temp_file.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

using namespace exsolve::io;

namespace {

std::string error_of(const std::string &text)
{
  const std::string message = error_reading(text, [](const std::string &path) { read_nve_drift(path); });
  BOOST_TEST(message.rfind("<file>", 0) == 0u, message);
  return message.substr(std::string("<file>").size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(nve_drift_file)

BOOST_AUTO_TEST_CASE(reads_the_drift_the_demo_prints)
{
  TempFile nve("nve: 5120 atoms, 200 steps of 0.001 ps, drift -0.0125 meV/atom/ps\n");
  BOOST_TEST(read_nve_drift(nve.path) == -0.0125);
  TempFile exponent("nve: 10 atoms, 2 steps of 0.002 ps, drift 2.5e-3 meV/atom/ps\n");
  BOOST_TEST(read_nve_drift(exponent.path) == 0.0025);
}

BOOST_AUTO_TEST_CASE(a_file_without_a_drift_line_is_named)
{
  BOOST_TEST(error_of("nve: 10 atoms, 2 steps of 0.002 ps\n") == ": no 'drift ... meV/atom/ps' line");
  BOOST_TEST(error_of("drift 1.2.3 meV/atom/ps\n") == ": drift '1.2.3' is not a number");
}

BOOST_AUTO_TEST_SUITE_END()
