// The CSV tables the analyses write, read back (by exsolve-analyze report for its plots and
// key numbers, by compare across conditions): a header line of column names, then one row
// per line, fields separated by commas. No quoting: no name or value the analyses write
// holds a comma or a quote. The whole table is held in memory (they are per-frame or
// per-particle summaries, not dumps).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace exsolve {
namespace io {

class CsvTable {
 public:
  const std::string &path() const { return path_; }
  const std::vector<std::string> &columns() const { return columns_; }
  std::size_t row_count() const { return rows_.size(); }

  // The index of the column called `name`; throws std::runtime_error
  // "<path>: no column <name> (columns: <the header>)".
  std::size_t column(const std::string &name) const;
  // The field as written.
  const std::string &text(std::size_t row, std::size_t column) const { return rows_.at(row).at(column); }
  // The field as a number (nan and inf included) or a decimal integer; throws
  // std::runtime_error "<path>:<line>: column <name>: '<field>' is not a number" (or "...
  // not an integer").
  double number(std::size_t row, std::size_t column) const;
  long integer(std::size_t row, std::size_t column) const;

 private:
  friend CsvTable read_csv_table(const std::string &path);
  [[noreturn]] void bad_field(std::size_t row, std::size_t column, const char *expected) const;

  std::string path_;
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<long> row_lines_;  // line in the file of each row, for errors
};

// Throws std::runtime_error "cannot read <path>", "<path>: empty (no header line)", or
// "<path>:<line>: <n> fields for <m> columns" for a row (blank lines included) whose field
// count differs from the header's.
CsvTable read_csv_table(const std::string &path);

}  // namespace io
}  // namespace exsolve
