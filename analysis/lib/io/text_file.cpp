#include "io/text_file.h"

#include <deque>
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

std::string last_nonblank_lines(const std::string &path, std::size_t count)
{
  std::ifstream in(path);
  std::deque<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    lines.push_back(line);
    if (lines.size() > count) lines.pop_front();
  }
  if (lines.empty()) return "(no error output)";
  std::string text;
  for (const std::string &line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

}  // namespace io
}  // namespace exsolve
