#include "io/ave_time_rows_file.h"

#include "io/number_field.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace io {

std::size_t AveTimeRows::column(const std::string &name) const
{
  for (std::size_t c = 0; c < names.size(); ++c)
    if (names[c] == name) return c;
  std::string known;
  for (const auto &n : names) known += " " + n;
  throw std::runtime_error(fmt::format("{}: no column {} (columns:{})", source, name, known));
}

AveTimeRows read_ave_time_rows_file(const std::string &path)
{
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", path));
  AveTimeRows file;
  file.source = path;
  std::string line, last_comment;
  int line_number = 0;
  std::size_t rows_due = 0;  // rows the current block still lacks
  int cut_line = 0;          // a short row or block seen there: fine only at the end
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    if (line[0] == '#') {
      last_comment = line.substr(1);
      continue;
    }
    if (file.names.empty()) {
      std::istringstream words(last_comment);
      std::string first;
      words >> first;
      for (std::string word; words >> word;) file.names.push_back(word);
      if (first != "Row" || file.names.empty())
        throw std::runtime_error(fmt::format("{}: not a fix ave/time mode vector file (no '# Row ...' header)", path));
    }
    if (cut_line) throw std::runtime_error(fmt::format("{}:{}: row with too few values", path, cut_line));
    const std::vector<double> values = parse_number_row(line, path, line_number);
    if (rows_due == 0) {
      // A block's first line: the step and its row count.
      if (values.size() != 2 || values[1] < 0 || values[1] != static_cast<long>(values[1]))
        throw std::runtime_error(fmt::format("{}:{}: expected 'TimeStep rows', got '{}'", path, line_number, line));
      file.blocks.push_back({static_cast<long>(values[0]), {}});
      rows_due = static_cast<std::size_t>(values[1]);
      continue;
    }
    AveTimeRows::Block &block = file.blocks.back();
    if (values.size() > file.names.size() + 1)
      throw std::runtime_error(fmt::format("{}:{}: {} values for {} columns and the row number", path, line_number,
                                           values.size(), file.names.size()));
    if (values.size() < file.names.size() + 1) {
      cut_line = line_number;
      continue;
    }
    if (values[0] != static_cast<double>(block.rows.size() + 1))
      throw std::runtime_error(
          fmt::format("{}:{}: row {} where row {} was due", path, line_number, values[0], block.rows.size() + 1));
    block.rows.emplace_back(values.begin() + 1, values.end());
    --rows_due;
  }
  // A killed run leaves its last block without all its rows: it is not data.
  if (rows_due > 0 || cut_line) file.blocks.pop_back();
  if (file.names.empty()) throw std::runtime_error(fmt::format("{}: no data rows", path));
  return file;
}

}  // namespace io
}  // namespace exsolve
