#include "report/report_common.h"

#include <fstream>
#include <set>

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

std::vector<char> atoms_of_types(const io::Frame &frame, const std::vector<int> &types)
{
  const std::set<int> wanted(types.begin(), types.end());
  std::vector<char> selected(frame.size());
  for (std::size_t i = 0; i < frame.size(); ++i) selected[i] = wanted.count(frame.type[i]) ? 1 : 0;
  return selected;
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
                               const io::FramesRead &frames, const std::string &path)
{
  sidecar["tables"] = tables;
  sidecar["frames_analysed"] = frames.frames_selected;
  sidecar["warnings"] = frames.warnings;
  std::ofstream(path) << sidecar.dump(2) << "\n";
  AnalysisSummary summary;
  summary.frames_analysed = frames.frames_selected;
  summary.warnings = frames.warnings;
  return summary;
}

}  // namespace report
}  // namespace exsolve
