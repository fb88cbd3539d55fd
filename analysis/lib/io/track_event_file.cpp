#include "io/track_event_file.h"

#include "io/text_file.h"

#include <sstream>

namespace exsolve {
namespace io {

int count_track_events(const std::string &path, const std::string &kind)
{
  std::istringstream in(read_text_file(path));
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string step, event;
    if (words >> step >> event && event == kind) ++n;
  }
  return n;
}

}  // namespace io
}  // namespace exsolve
