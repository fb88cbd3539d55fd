#include "io/csv_table.h"

#include "io/number_field.h"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

namespace exsolve {
namespace io {

namespace {

// Every field, empty ones included: "a,,b," has four.
std::vector<std::string> split_at_commas(const std::string &line)
{
  std::vector<std::string> fields;
  std::string::size_type start = 0;
  for (;;) {
    const auto comma = line.find(',', start);
    fields.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) return fields;
    start = comma + 1;
  }
}

}  // namespace

std::size_t CsvTable::column(const std::string &name) const
{
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c] == name) return c;
  std::string header;
  for (const std::string &known : columns_) header += (header.empty() ? "" : ",") + known;
  throw std::runtime_error(fmt::format("{}: no column {} (columns: {})", path_, name, header));
}

double CsvTable::number(std::size_t row, std::size_t column) const
{
  double value = 0.0;
  if (!parse_number_field(text(row, column), value)) bad_field(row, column, "a number");
  return value;
}

long CsvTable::integer(std::size_t row, std::size_t column) const
{
  long value = 0;
  if (!parse_integer_field(text(row, column), value)) bad_field(row, column, "an integer");
  return value;
}

void CsvTable::bad_field(std::size_t row, std::size_t column, const char *expected) const
{
  throw std::runtime_error(fmt::format("{}:{}: column {}: '{}' is not {}", path_, row_lines_.at(row),
                                       columns_.at(column), text(row, column), expected));
}

CsvTable read_csv_table(const std::string &path)
{
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  CsvTable table;
  table.path_ = path;
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error(fmt::format("{}: empty (no header line)", path));
  table.columns_ = split_at_commas(line);
  for (long line_number = 2; std::getline(in, line); ++line_number) {
    std::vector<std::string> fields = split_at_commas(line);
    if (fields.size() != table.columns_.size())
      throw std::runtime_error(
          fmt::format("{}:{}: {} fields for {} columns", path, line_number, fields.size(), table.columns_.size()));
    table.rows_.push_back(std::move(fields));
    table.row_lines_.push_back(line_number);
  }
  return table;
}

}  // namespace io
}  // namespace exsolve
