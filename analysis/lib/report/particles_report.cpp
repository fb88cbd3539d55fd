#include "report/particles_report.h"

#include "core/particle_census.h"
#include "io/table_schema.h"
#include "pipeline/frame_loop.h"
#include "report/report_common.h"

#include <fmt/format.h>
#include <fmt/os.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>

namespace exsolve {
namespace report {

namespace column = io::column;
namespace tables = io::tables;

AnalysisSummary run_particles(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               const RunInfo &info, std::ostream &log)
{
  const std::string dir = config.output + "/";
  auto particles_csv = fmt::output_file(dir + tables::particles.file());
  auto frames_csv = fmt::output_file(dir + tables::frames.file());
  auto sizes_csv = fmt::output_file(dir + tables::size_distribution.file());
  particles_csv.print("{}", tables::particles.header_line());
  frames_csv.print("{}", tables::frames.header_line());
  sizes_csv.print("{}", tables::size_distribution.header_line());

  const core::CensusOptions options = census_options(config);

  // Frames are independent: analysed in parallel, written in frame order.
  const io::FramesRead loop = pipeline::for_each_frame_parallel(
      config, dumps, log,
      [&](long index, const io::Frame &frame, const core::OrthogonalBox &box) {
        const std::vector<char> is_metal = atoms_of_types(frame, config.metal_types);
        auto mass_column = frame.extra.find("mass");
        const core::CensusInput input{&frame.position, &frame.id, &is_metal,
                                      mass_column == frame.extra.end() ? nullptr : &mass_column->second};
        const core::Census census = core::take_census(input, box, options);

        pipeline::FrameOutput out;
        out.rows.resize(3);
        std::map<long, long> size_counts;
        double atoms_sum = 0.0, diameter_sum = 0.0;
        for (const core::ParticleRecord &p : census.particles) {
          out.rows[0] += fmt::format("{},{},{},{},{:.6g},{:.6f},{:.6f},{:.6f},{:.6g},{:.6g}\n", index, frame.timestep,
                                     p.label, p.atoms, p.equivalent_diameter, p.centre_of_mass[0],
                                     p.centre_of_mass[1], p.centre_of_mass[2], p.radius_of_gyration, p.height);
          ++size_counts[p.atoms];
          atoms_sum += p.atoms;
          diameter_sum += p.equivalent_diameter;
        }
        const int a = (config.surface_axis + 1) % 3, b = (config.surface_axis + 2) % 3;
        const double area_nm2 = box.length(a) * box.length(b) / 100.0;
        const double n = static_cast<double>(census.particles.size());
        out.rows[1] = fmt::format("{},{},{},{},{:.6g},{:.6g},{:.6g},{:.6g}\n", index, frame.timestep,
                                  census.particles.size(), census.free_atoms, n > 0 ? atoms_sum / n : 0.0,
                                  n > 0 ? diameter_sum / n : 0.0, area_nm2, n / area_nm2);
        for (const auto &entry : size_counts)
          out.rows[2] += fmt::format("{},{},{},{}\n", index, frame.timestep, entry.first, entry.second);
        return out;
      },
      [&](long, std::int64_t, pipeline::FrameOutput &out) {
        particles_csv.print("{}", out.rows[0]);
        frames_csv.print("{}", out.rows[1]);
        sizes_csv.print("{}", out.rows[2]);
      });
  nlohmann::json sidecar = sidecar_header("exsolve-analyze particles", info, dumps);
  sidecar["configuration"] = {{"file", config.source},
                              {"metal_types", config.metal_types},
                              {"particle_cutoff_A", config.particle_cutoff},
                              {"min_size_atoms", config.min_size},
                              {"atomic_volume_A3", config.atomic_volume},
                              {"surface_axis", std::string(1, "xyz"[config.surface_axis])},
                              {"frames", {{"first", config.first_frame}, {"last", config.last_frame},
                                          {"every", config.frame_every}}}};
  sidecar["definitions"] = {
      {column::particle, "connected cluster of metal atoms (distance < particle_cutoff) with at least min_size "
                         "atoms; labelled by its smallest atom ID"},
      {column::free_atoms, "metal atoms in clusters smaller than min_size (adatoms, dissolved atoms)"},
      {column::equivalent_diameter_A, "diameter of a sphere of volume atoms * atomic_volume (volume-equivalent)"},
      {"com", "centre of mass (equal masses unless the dump has a mass column), minimum-image offsets from the "
              "particle's smallest-ID atom, wrapped into the box"},
      {column::height_A, "extent of the particle along surface_axis"},
      {column::density_per_nm2, "particles per nm^2 of the box cross-section normal to surface_axis"}};
  return finish_sidecar(sidecar,
                        {tables::particles.file(), tables::frames.file(), tables::size_distribution.file()}, loop,
                        dir + io::output_file::particles_json);
}

}  // namespace report
}  // namespace exsolve
