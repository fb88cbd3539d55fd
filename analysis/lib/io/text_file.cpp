#include "io/text_file.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace io {

std::string read_text_file(const std::string &path)
{
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace io
}  // namespace exsolve
