#include "analyses/socket_report.h"

#include "analyses/analysis_pass.h"
#include "analyses/report_common.h"
#include "core/socket_depth.h"
#include "io/atomic_output_file.h"
#include "io/table_schema.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <utility>

namespace exsolve {
namespace analyses {

namespace column = io::column;
namespace tables = io::tables;

namespace {

class SocketAnalysis : public FrameAnalysis {
 public:
  SocketAnalysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info)
      : config_(config), dumps_(dumps), info_(info), dir_(config.output + "/"),
        socket_csv_(dir_ + tables::socket.file())
  {
    socket_csv_.print("{}", tables::socket.header_line());
    options_.surface_axis = config.surface_axis;
    options_.cell = config.surface_cell;
    options_.ring_width = config.socket_ring_width;
  }

  pipeline::InFrameOrder analyse(long index, const io::Frame &frame, const core::PeriodicBox &box,
                                 const pipeline::FrameCensus &found) override
  {
    const std::vector<char> is_support = pipeline::atoms_of_types(frame, config_.support_types);
    const core::SocketResult sockets =
        core::measure_sockets(core::SocketInput{&frame.position, &is_support, &found.census.particle_of_atom}, box,
                              options_);
    std::string rows;
    for (std::size_t k = 0; k < sockets.particles.size(); ++k) {
      const core::SocketRecord &s = sockets.particles[k];
      rows += fmt::format("{},{},{},{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{}\n", index, frame.timestep,
                          s.particle, found.census.particles[k].atoms, s.bottom, s.top, s.rim_height,
                          sockets.reference_height, s.depth_local, s.depth_global, s.submerged_fraction, s.rim_cells);
    }
    return [this, rows = std::move(rows)]() { socket_csv_.print("{}", rows); };
  }

  void finish(const io::FramesRead &frames) override
  {
    socket_csv_.commit();
    nlohmann::json sidecar = sidecar_header("exsolve-analyze socket", info_, dumps_);
    sidecar["configuration"] = {{"file", config_.source},
                                {"metal_types", config_.metal_types},
                                {"support_types", config_.support_types},
                                {"particle_cutoff_A", config_.particle_cutoff},
                                {"min_size_atoms", config_.min_size},
                                {"surface_axis", std::string(1, "xyz"[config_.surface_axis])},
                                {"surface_cell_A", config_.surface_cell},
                                {"socket_ring_width_A", config_.socket_ring_width}};
    sidecar["definitions"] = {
        {"surface map", "highest support atom per grid cell (surface_cell) normal to surface_axis"},
        {column::rim_height_A, "mean surface-map height in the annulus from (particle lateral radius + surface_cell) "
                               "to that plus socket_ring_width around the particle's in-plane centre"},
        {column::reference_height_A, "mean surface-map height of the cells beyond every particle's annulus"},
        {"depth", "reference height minus the particle's lowest atom; positive: below the surface"},
        {column::submerged_fraction, "depth_local / (top - bottom), clamped to 0..1"}};
    finish_sidecar(sidecar, {tables::socket.file()}, frames, dir_ + io::output_file::socket_json);
  }

 private:
  const io::AnalysisConfig &config_;
  const std::vector<std::string> &dumps_;
  const RunInfo &info_;
  const std::string dir_;
  io::AtomicOutputFile socket_csv_;
  core::SocketOptions options_;
};

}  // namespace

std::unique_ptr<FrameAnalysis> socket_analysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                               const RunInfo &info)
{
  io::require_key(config, "support_types", !config.support_types.empty(), "socket");
  return std::make_unique<SocketAnalysis>(config, dumps, info);
}

AnalysisSummary run_socket(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                           std::ostream &log)
{
  return run_alone(config, dumps, log, socket_analysis(config, dumps, info));
}

}  // namespace analyses
}  // namespace exsolve
