#include "report/report_common.h"

#include <fstream>

namespace exsolve {
namespace report {

core::CensusOptions census_options(const io::AnalysisConfig &config)
{
  core::CensusOptions options;
  options.cutoff = config.particle_cutoff;
  options.min_size = config.min_size;
  options.atomic_volume = config.atomic_volume;
  options.surface_axis = config.surface_axis;
  return options;
}

nlohmann::json sidecar_header(const std::string &tool, const RunInfo &info, const std::vector<std::string> &dumps)
{
  nlohmann::json sidecar;
  sidecar["tool"] = tool;
  sidecar["version"] = info.tool_version;
  sidecar["command"] = info.command_line;
  sidecar["inputs"] = dumps;
  return sidecar;
}

AnalysisSummary finish_sidecar(nlohmann::json &sidecar, const std::vector<std::string> &tables,
                               const FrameLoopResult &loop, const std::string &path)
{
  sidecar["tables"] = tables;
  sidecar["frames_analysed"] = loop.frames_analysed;
  sidecar["warnings"] = loop.warnings;
  std::ofstream(path) << sidecar.dump(2) << "\n";
  AnalysisSummary summary;
  summary.frames_analysed = loop.frames_analysed;
  summary.warnings = loop.warnings;
  return summary;
}

}  // namespace report
}  // namespace exsolve
