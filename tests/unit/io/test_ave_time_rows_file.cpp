#include "io/ave_time_rows_file.h"
#include "temp_file.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace exsolve::io;

namespace {

const std::string HEADER =
    "# Time-averaged data for fix mu_rows\n# TimeStep Number-of-rows\n# Row c_mu[1] c_mu[2] c_mu[4]\n";

std::string error_of(const std::string &text)
{
  return error_reading(text, [](const std::string &path) { read_ave_time_rows_file(path); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ave_time_rows_file)

BOOST_AUTO_TEST_CASE(reads_blocks_of_changing_length_and_drops_a_cut_last_block)
{
  TempFile file(HEADER + "0 2\n1 1 40 0.25\n2 3 38 0.5\n1000 0\n2000 1\n1 1 80 0.125\n3000 2\n1 1 80 0.1\n");
  const AveTimeRows r = read_ave_time_rows_file(file.path);
  BOOST_TEST(r.blocks.size() == 3u);
  BOOST_TEST(r.column("c_mu[4]") == 2u);
  BOOST_TEST(r.blocks[0].rows.size() == 2u);
  BOOST_TEST(r.blocks[0].rows[1][1] == 38.0);
  BOOST_TEST(r.blocks[1].timestep == 1000);
  BOOST_TEST(r.blocks[1].rows.empty());
  BOOST_TEST(r.blocks[2].rows[0][2] == 0.125);
  BOOST_CHECK_THROW(r.column("c_mu[7]"), std::runtime_error);
  // A last row cut inside its numbers: its block is dropped too.
  TempFile cut(HEADER + "0 1\n1 1 40 0.25\n1000 1\n1 1 40\n");
  BOOST_TEST(read_ave_time_rows_file(cut.path).blocks.size() == 1u);
}

BOOST_AUTO_TEST_CASE(malformed_files_are_errors_that_name_the_line)
{
  BOOST_TEST(error_of(HEADER + "0 1\n1 1 40\n1000 0\n").find(":5: row with too few values") != std::string::npos);
  BOOST_TEST(error_of(HEADER + "0 1\n1 1 x 2\n").find(":5: 'x' is not a number") != std::string::npos);
  BOOST_TEST(error_of(HEADER + "0 1\n1 1 2 3 4\n").find(":5: 5 values for 3 columns") != std::string::npos);
  BOOST_TEST(error_of(HEADER + "0 2\n1 1 2 3\n3 1 2 3\n").find(":6: row 3 where row 2 was due") != std::string::npos);
  BOOST_TEST(error_of(HEADER + "0 1.5\n").find(":4: expected 'TimeStep rows'") != std::string::npos);
  BOOST_TEST(error_of("# TimeStep v_a\n0 1\n").find("not a fix ave/time mode vector file") != std::string::npos);
  BOOST_TEST(error_of(HEADER).find("no data rows") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
