#include "io/nve_drift_file.h"

#include "io/number_field.h"
#include "io/text_file.h"

#include <regex>
#include <stdexcept>

namespace exsolve {
namespace io {

double read_nve_drift(const std::string &path)
{
  const std::string text = read_text_file(path);
  std::smatch match;
  if (!std::regex_search(text, match, std::regex("drift (-?[0-9.eE+-]+) meV/atom/ps")))
    throw std::runtime_error(path + ": no 'drift ... meV/atom/ps' line");
  double drift = 0.0;
  if (!parse_number_field(match[1], drift))
    throw std::runtime_error(path + ": drift '" + match[1].str() + "' is not a number");
  return drift;
}

}  // namespace io
}  // namespace exsolve
