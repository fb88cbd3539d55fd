#include "analyses/report_common.h"

#include "io/atomic_output_file.h"

namespace exsolve {
namespace analyses {

nlohmann::json sidecar_header(const std::string &tool, const RunInfo &info, const std::vector<std::string> &dumps)
{
  nlohmann::json sidecar;
  sidecar["tool"] = tool;
  sidecar["version"] = info.tool_version;
  sidecar["command"] = info.command_line;
  sidecar["inputs"] = dumps;
  return sidecar;
}

void finish_sidecar(nlohmann::json &sidecar, const std::vector<std::string> &tables, const io::FramesRead &frames,
                    const std::string &path)
{
  sidecar["tables"] = tables;
  sidecar["frames_analysed"] = frames.frames_selected;
  sidecar["warnings"] = frames.warnings;
  io::write_file_atomically(path, sidecar.dump(2) + "\n");
}

}  // namespace analyses
}  // namespace exsolve
