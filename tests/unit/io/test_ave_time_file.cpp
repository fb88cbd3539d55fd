#include "io/ave_time_file.h"
#include "temp_file.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace exsolve::io;

namespace {

const std::string HEADER = "# Time-averaged data for fix series\n# TimeStep v_time_ps c_bonds[3]\n";

std::string error_of(const std::string &text)
{
  return error_reading(text, [](const std::string &path) { read_ave_time_file(path); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ave_time_file)

BOOST_AUTO_TEST_CASE(reads_columns_by_name_and_drops_a_cut_last_row)
{
  TempFile file(HEADER + "0 0 1.5\n100 0.1 1.25\n200 0.2\n");
  const AveTimeSeries s = read_ave_time_file(file.path);
  BOOST_TEST(s.column("c_bonds[3]").size() == 2u);
  BOOST_TEST(s.column("c_bonds[3]")[1] == 1.25);
  BOOST_TEST(s.column("TimeStep")[1] == 100.0);
  BOOST_CHECK_THROW(s.column("f_track[8]"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(malformed_files_are_errors_that_name_the_line)
{
  BOOST_TEST(error_of(HEADER + "0 0\n100 0.1 1.0\n").find(":3: row with too few values") != std::string::npos);
  BOOST_TEST(error_of(HEADER + "0 0 x\n").find(":3: 'x' is not a number") != std::string::npos);
  BOOST_TEST(error_of(HEADER + "0 0 1 2\n").find(":3: 4 values for 3 columns") != std::string::npos);
  BOOST_TEST(error_of("# not a header\n1 2\n").find("not a fix ave/time file") != std::string::npos);
  BOOST_TEST(error_of(HEADER).find("no data rows") != std::string::npos);
  BOOST_TEST(error_of(HEADER + "0 0 1.5e\n").find("is not a number") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
