#include "io/pair_table_file.h"
#include "temp_file.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <sstream>
#include <string>

using namespace exsolve::io;

namespace {

std::string error_of(const std::string &text)
{
  return error_reading(text, [](const std::string &path) { read_pedone_parameters(path); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pair_table_file)

BOOST_AUTO_TEST_CASE(reads_sections_and_skips_comments)
{
  TempFile file("# header\n\nTI_O 0.024235 2.254703 2.708943 1.0  # Pedone Ti-O\nO_O 0.042395 1.379316 3.618701 22\n");
  const auto sections = read_pedone_parameters(file.path);
  BOOST_REQUIRE_EQUAL(sections.size(), 2u);
  BOOST_TEST(sections[0].name == "TI_O");
  BOOST_TEST(sections[1].parameters.wall_ev_a12 == 22.0);
  BOOST_TEST(sections[1].parameters.equilibrium_distance_a == 3.618701);
}

BOOST_AUTO_TEST_CASE(malformed_files_name_the_line)
{
  BOOST_TEST(error_of("A 1 2 3\n").find(":1: expected") != std::string::npos);
  BOOST_TEST(error_of("# c\nA 1 2 3 4 5\n").find(":2: unexpected '5'") != std::string::npos);
  BOOST_TEST(error_of("A 1 2 3 4\nA 1 2 3 4\n").find("section A appears twice") != std::string::npos);
  BOOST_TEST(error_of("A 1 -2 3 4\n").find("need D >= 0") != std::string::npos);
  BOOST_TEST(error_of("A 1 2 3 x\n").find(":1: expected") != std::string::npos);
  BOOST_TEST(error_of("# nothing\n").find("no parameter lines") != std::string::npos);
  BOOST_CHECK_THROW(read_pedone_parameters("/nonexistent/params.txt"), std::runtime_error);
}

// The force column is -dU/dr: compare with a central difference of the energy column's
// formula, and the energy with the formula written out here.
BOOST_AUTO_TEST_CASE(table_values_follow_the_formula)
{
  const exsolve::core::PedoneParameters p{0.029356, 2.679137, 2.500754, 3.0};
  std::ostringstream out;
  write_pair_table(out, {{"NI_O", p}}, TableGrid{1.0, 5.0, 5}, "test");
  std::istringstream in(out.str());
  std::string line;
  int rows = 0;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    int index;
    double r, energy, force;
    if (!(words >> index >> r >> energy >> force)) continue;
    ++rows;
    BOOST_TEST(r == 1.0 + (index - 1) * 1.0);
    const double x = std::exp(-2.679137 * (r - 2.500754));
    BOOST_TEST(energy == 0.029356 * ((1 - x) * (1 - x) - 1) + 3.0 / std::pow(r, 12),
               boost::test_tools::tolerance(1e-12));
    const double h = 1e-6;
    const double derivative =
        (exsolve::core::pedone_energy(p, r + h) - exsolve::core::pedone_energy(p, r - h)) / (2 * h);
    BOOST_TEST(force == -derivative, boost::test_tools::tolerance(1e-6));
  }
  BOOST_TEST(rows == 5);
  BOOST_TEST(out.str().find("N 5 R 1 5") != std::string::npos);
  BOOST_TEST(out.str().rfind("# UNITS: metal", 0) == 0);
  BOOST_CHECK_THROW(write_pair_table(out, {{"X", p}}, TableGrid{2.0, 1.0, 5}, "bad"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
