// Reading what LAMMPS writes with `fix ave/time ... mode vector file` for a compute's global
// array with a row count that changes (nrepeat 1): comment lines, the last of which names the
// columns ("# Row c_mu[1] c_mu[2] ..."), then per output step a line "TimeStep rows" followed
// by that many lines "row value ...".
#pragma once

#include <string>
#include <vector>

namespace exsolve {
namespace io {

struct AveTimeRows {
  std::vector<std::string> names;  // the columns after "Row"
  struct Block {
    long timestep;
    std::vector<std::vector<double>> rows;  // rows[r][c], c indexing `names`
  };
  std::vector<Block> blocks;  // one per output step, in file order
  std::string source;

  // The index of the column called `name`; throws naming the file's columns when it is missing.
  std::size_t column(const std::string &name) const;
};

// Throws std::runtime_error naming the file and line for unreadable or malformed input. A
// last block cut short (a killed run) is dropped; a short block or row elsewhere is an error.
AveTimeRows read_ave_time_rows_file(const std::string &path);

}  // namespace io
}  // namespace exsolve
