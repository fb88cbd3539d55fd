#include "io/number_field.h"

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

}  // namespace io
}  // namespace exsolve
