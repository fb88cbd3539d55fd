// What every exsolve-analyze report records about its run, and what it returns.
#pragma once

#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

struct RunInfo {
  std::string tool_version;
  std::string command_line;
};

struct AnalysisSummary {
  int frames_analysed = 0;
  std::vector<std::string> warnings;  // e.g. a truncated last frame that was skipped
};

}  // namespace analyses
}  // namespace exsolve
