// Reading the time series LAMMPS writes with `fix ave/time ... file` (scalar mode): comment
// lines, the last of which names the columns ("# TimeStep v_time_ps c_bonds[3] ..."), then
// one row of numbers per output step.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace exsolve {
namespace io {

struct AveTimeSeries {
  std::vector<std::string> names;            // column names, "TimeStep" first
  std::vector<std::vector<double>> columns;  // columns[c][row]

  // The column called `name`; throws naming the file's columns when it is missing.
  const std::vector<double> &column(const std::string &name) const;
  std::string source;
};

// Throws std::runtime_error naming the file and line for unreadable or malformed input. A
// last row cut short (a killed run) is dropped; a short row elsewhere is an error.
AveTimeSeries read_ave_time_file(const std::string &path);

}  // namespace io
}  // namespace exsolve
