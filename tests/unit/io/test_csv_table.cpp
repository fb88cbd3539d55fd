#include "io/csv_table.h"
#include "io/number_field.h"
#include "temp_file.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

using namespace exsolve::io;

namespace {

// The message of what `read` throws on the file holding `text`, which must name the file;
// what follows the file's name.
template <class Read>
std::string error_of(const std::string &text, Read read)
{
  const std::string message = error_reading(text, [&](const std::string &path) { read(read_csv_table(path)); });
  const std::size_t at = message.find("<file>");
  BOOST_TEST(at != std::string::npos, message);
  return at == std::string::npos ? message : message.substr(at + std::string("<file>").size());
}

std::string read_error_of(const std::string &text)
{
  return error_of(text, [](const CsvTable &) {});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_table)

BOOST_AUTO_TEST_CASE(reads_columns_by_name_and_fields_as_text_numbers_and_integers)
{
  TempFile file("frame,timestep,depth_A\n0,100,1.5\n0,100,-2e-3\n7,800,nan\n");
  const CsvTable t = read_csv_table(file.path);
  BOOST_TEST(t.path() == file.path);
  BOOST_TEST(t.columns().size() == 3u);
  BOOST_TEST(t.columns().at(2) == "depth_A");
  BOOST_TEST(t.row_count() == 3u);
  BOOST_TEST(t.column("timestep") == 1u);
  BOOST_TEST(t.text(2, t.column("timestep")) == "800");
  BOOST_TEST(t.integer(2, 0) == 7L);
  BOOST_TEST(t.number(0, 2) == 1.5);
  BOOST_TEST(t.number(1, 2) == -0.002);
  BOOST_TEST(std::isnan(t.number(2, 2)));  // the analyses write nan for undefined values
}

BOOST_AUTO_TEST_CASE(a_header_only_table_has_no_rows_and_empty_fields_are_kept)
{
  TempFile header_only("lag_ps,msd_A2,samples\n");
  BOOST_TEST(read_csv_table(header_only.path).row_count() == 0u);
  TempFile empty_fields("a,b,c\n,x,\n");
  const CsvTable t = read_csv_table(empty_fields.path);
  BOOST_TEST(t.text(0, 0) == "");
  BOOST_TEST(t.text(0, 1) == "x");
  BOOST_TEST(t.text(0, 2) == "");
}

BOOST_AUTO_TEST_CASE(malformed_tables_are_errors_naming_file_and_line)
{
  BOOST_TEST(read_error_of("a,b\n1,2\n3\n") == ":3: 1 fields for 2 columns");
  BOOST_TEST(read_error_of("a,b\n1,2,3\n") == ":2: 3 fields for 2 columns");
  BOOST_TEST(read_error_of("a,b\n1,2\n\n4,5\n") == ":3: 1 fields for 2 columns");
  BOOST_TEST(read_error_of("") == ": empty (no header line)");
  BOOST_TEST(error_of("a,b\n1,2\n", [](const CsvTable &t) { t.column("c"); }) == ": no column c (columns: a,b)");
  BOOST_TEST(error_of("a,b\n1,2\n1,x2\n", [](const CsvTable &t) { t.number(1, 1); }) ==
             ":3: column b: 'x2' is not a number");
  BOOST_TEST(error_of("a,b\n1,2\n1.5,2\n", [](const CsvTable &t) { t.integer(1, 0); }) ==
             ":3: column a: '1.5' is not an integer");
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_named)
{
  try {
    read_csv_table("/nonexistent/exsolve/socket.csv");
    BOOST_FAIL("no error");
  } catch (const std::runtime_error &e) {
    BOOST_TEST(std::string(e.what()) == "cannot read /nonexistent/exsolve/socket.csv");
  }
}

BOOST_AUTO_TEST_CASE(number_fields_are_whole_numbers_or_nothing)
{
  double value = 0.0;
  BOOST_TEST(parse_number_field("-1.25e2", value));
  BOOST_TEST(value == -125.0);
  BOOST_TEST(parse_number_field("inf", value));
  BOOST_TEST(std::isinf(value));
  BOOST_TEST(!parse_number_field("1.5x", value));
  BOOST_TEST(!parse_number_field("", value));
  BOOST_TEST(!parse_number_field("1e400", value));
  long integer = 0;
  BOOST_TEST(parse_integer_field("-42", integer));
  BOOST_TEST(integer == -42L);
  BOOST_TEST(!parse_integer_field("4.0", integer));
  BOOST_TEST(!parse_integer_field("99999999999999999999", integer));
}

BOOST_AUTO_TEST_SUITE_END()
