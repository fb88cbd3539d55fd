#include "io/number_field.h"

#include <fmt/format.h>

#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace io {

bool parse_number_field(const std::string &field, double &value)
{
  try {
    std::size_t used = 0;
    value = std::stod(field, &used);
    return used == field.size();
  } catch (const std::logic_error &) {  // std::invalid_argument, std::out_of_range
    return false;
  }
}

bool parse_integer_field(const std::string &field, long &value)
{
  try {
    std::size_t used = 0;
    value = std::stol(field, &used);
    return used == field.size();
  } catch (const std::logic_error &) {
    return false;
  }
}

std::vector<double> parse_number_row(const std::string &row, const std::string &path, int line_number)
{
  std::istringstream words(row);
  std::vector<double> values;
  for (std::string word; words >> word;) {
    double value = 0.0;
    if (!parse_number_field(word, value))
      throw std::runtime_error(fmt::format("{}:{}: '{}' is not a number", path, line_number, word));
    values.push_back(value);
  }
  return values;
}

}  // namespace io
}  // namespace exsolve
