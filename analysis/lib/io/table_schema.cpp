#include "io/table_schema.h"

#include <stdexcept>

namespace exsolve {
namespace io {

std::string TableSchema::file() const
{
  return std::string(stem) + ".csv";
}

std::string TableSchema::file_for_condition(const std::string &condition) const
{
  return std::string(stem) + "_" + condition + ".csv";
}

std::string TableSchema::header_line() const
{
  std::string line;
  for (const char *name : columns) line += (line.empty() ? "" : ",") + std::string(name);
  return line + "\n";
}

int TableSchema::gnuplot_column(const char *name) const
{
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (std::string(columns[c]) == name) return static_cast<int>(c) + 1;
  throw std::logic_error(file() + " has no column " + name);
}

}  // namespace io
}  // namespace exsolve
