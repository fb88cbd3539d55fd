#include "report/socket_report.h"

#include "core/particle_census.h"
#include "core/socket_depth.h"
#include "io/table_schema.h"
#include "pipeline/frame_loop.h"
#include "report/report_common.h"

#include <fmt/format.h>
#include <fmt/os.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace exsolve {
namespace report {

namespace column = io::column;
namespace tables = io::tables;

AnalysisSummary run_socket(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                           const RunInfo &info, std::ostream &log)
{
  io::require_key(config, "support_types", !config.support_types.empty(), "socket");
  const std::string dir = config.output + "/";
  auto socket_csv = fmt::output_file(dir + tables::socket.file());
  socket_csv.print("{}", tables::socket.header_line());

  const core::CensusOptions particle_options = census_options(config);
  core::SocketOptions socket_options;
  socket_options.surface_axis = config.surface_axis;
  socket_options.cell = config.surface_cell;
  socket_options.ring_width = config.socket_ring_width;

  // Frames are independent: analysed in parallel, written in frame order.
  const io::FramesRead loop = pipeline::for_each_frame_parallel(
      config, dumps, log,
      [&](long index, const io::Frame &frame, const core::OrthogonalBox &box) {
        const std::vector<char> is_metal = atoms_of_types(frame, config.metal_types);
        const std::vector<char> is_support = atoms_of_types(frame, config.support_types);
        const core::Census census = core::take_census(
            core::CensusInput{&frame.position, &frame.id, &is_metal, nullptr}, box, particle_options);
        const core::SocketResult sockets = core::measure_sockets(
            core::SocketInput{&frame.position, &is_support, &census.particle_of_atom}, box, socket_options);
        pipeline::FrameOutput out;
        out.rows.resize(1);
        for (std::size_t k = 0; k < sockets.particles.size(); ++k) {
          const core::SocketRecord &s = sockets.particles[k];
          out.rows[0] += fmt::format("{},{},{},{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{}\n", index,
                                     frame.timestep, s.particle, census.particles[k].atoms, s.bottom, s.top,
                                     s.rim_height, sockets.reference_height, s.depth_local, s.depth_global,
                                     s.submerged_fraction, s.rim_cells);
        }
        return out;
      },
      [&](long, std::int64_t, pipeline::FrameOutput &out) { socket_csv.print("{}", out.rows[0]); });

  nlohmann::json sidecar = sidecar_header("exsolve-analyze socket", info, dumps);
  sidecar["configuration"] = {{"file", config.source},
                              {"metal_types", config.metal_types},
                              {"support_types", config.support_types},
                              {"particle_cutoff_A", config.particle_cutoff},
                              {"min_size_atoms", config.min_size},
                              {"surface_axis", std::string(1, "xyz"[config.surface_axis])},
                              {"surface_cell_A", config.surface_cell},
                              {"socket_ring_width_A", config.socket_ring_width}};
  sidecar["definitions"] = {
      {"surface map", "highest support atom per grid cell (surface_cell) normal to surface_axis"},
      {column::rim_height_A, "mean surface-map height in the annulus from (particle lateral radius + surface_cell) "
                             "to that plus socket_ring_width around the particle's in-plane centre"},
      {column::reference_height_A, "mean surface-map height of the cells beyond every particle's annulus"},
      {"depth", "reference height minus the particle's lowest atom; positive: below the surface"},
      {column::submerged_fraction, "depth_local / (top - bottom), clamped to 0..1"}};
  return finish_sidecar(sidecar, {tables::socket.file()}, loop, dir + io::output_file::socket_json);
}

}  // namespace report
}  // namespace exsolve
