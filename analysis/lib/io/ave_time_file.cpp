#include "io/ave_time_file.h"

#include "io/number_field.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace io {

const std::vector<double> &AveTimeSeries::column(const std::string &name) const
{
  for (size_t c = 0; c < names.size(); ++c)
    if (names[c] == name) return columns[c];
  std::string known;
  for (const auto &n : names) known += " " + n;
  throw std::runtime_error(fmt::format("{}: no column {} (columns:{})", source, name, known));
}

AveTimeSeries read_ave_time_file(const std::string &path)
{
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", path));
  AveTimeSeries series;
  series.source = path;
  std::vector<std::vector<double>> rows;
  std::vector<int> row_lines;
  std::string line, last_comment;
  int line_number = 0;
  bool short_row_seen = false;
  int short_row_line = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    if (line[0] == '#') {
      last_comment = line.substr(1);
      continue;
    }
    if (series.names.empty()) {
      std::istringstream words(last_comment);
      for (std::string word; words >> word;) series.names.push_back(word);
      if (series.names.size() < 2 || series.names[0] != "TimeStep")
        throw std::runtime_error(fmt::format("{}: not a fix ave/time file (no '# TimeStep ...' header)", path));
    }
    if (short_row_seen) throw std::runtime_error(fmt::format("{}:{}: row with too few values", path, short_row_line));
    const std::vector<double> row = parse_number_row(line, path, line_number);
    if (row.size() > series.names.size())
      throw std::runtime_error(
          fmt::format("{}:{}: {} values for {} columns", path, line_number, row.size(), series.names.size()));
    if (row.size() < series.names.size()) {
      short_row_seen = true;  // fine only if it is the last row
      short_row_line = line_number;
      continue;
    }
    rows.push_back(row);
  }
  if (series.names.empty() || rows.empty()) throw std::runtime_error(fmt::format("{}: no data rows", path));
  series.columns.assign(series.names.size(), {});
  for (const auto &row : rows)
    for (size_t c = 0; c < row.size(); ++c) series.columns[c].push_back(row[c]);
  return series;
}

}  // namespace io
}  // namespace exsolve
