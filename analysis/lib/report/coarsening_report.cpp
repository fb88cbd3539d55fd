#include "report/coarsening_report.h"

#include "core/growth_law.h"
#include "core/particle_census.h"
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

AnalysisSummary run_coarsening(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               const RunInfo &info, std::ostream &log)
{
  io::require_key(config, "timestep", config.timestep > 0.0, "coarsening");
  const std::string dir = config.output + "/";
  auto series_csv = fmt::output_file(dir + tables::coarsening.file());
  series_csv.print("{}", tables::coarsening.header_line());

  const core::CensusOptions options = census_options(config);

  std::vector<double> times, radii;
  // Frames are independent: analysed in parallel, written in frame order.
  const io::FramesRead loop = pipeline::for_each_frame_parallel(
      config, dumps, log,
      [&](long index, const io::Frame &frame, const core::OrthogonalBox &box) {
        const std::vector<char> is_metal = atoms_of_types(frame, config.metal_types);
        const core::Census census =
            core::take_census(core::CensusInput{&frame.position, &frame.id, &is_metal, nullptr}, box, options);
        double radius_sum = 0.0;
        for (const core::ParticleRecord &p : census.particles) radius_sum += p.equivalent_diameter / 2.0;
        const double n = static_cast<double>(census.particles.size());
        const int a = (config.surface_axis + 1) % 3, b = (config.surface_axis + 2) % 3;
        const double area_nm2 = box.length(a) * box.length(b) / 100.0;
        const double time_ps = frame.timestep * config.timestep;
        const double mean_radius = n > 0 ? radius_sum / n : 0.0;
        pipeline::FrameOutput out;
        out.rows.push_back(fmt::format("{},{},{:.6g},{},{:.6g},{:.6g}\n", index, frame.timestep, time_ps,
                                       census.particles.size(), n / area_nm2, mean_radius));
        out.values = {time_ps, mean_radius, n};
        return out;
      },
      [&](long, std::int64_t, pipeline::FrameOutput &out) {
        series_csv.print("{}", out.rows[0]);
        if (out.values[2] > 0) {
          times.push_back(out.values[0]);
          radii.push_back(out.values[1]);
        }
      },
      io::TimestepOrder::increasing);
  series_csv.close();

  nlohmann::json fits_json = nlohmann::json::array();
  int best = 0;
  auto fits_csv = fmt::output_file(dir + tables::coarsening_fits.file());
  fits_csv.print("{}", tables::coarsening_fits.header_line());
  if (times.size() >= 3) {
    const auto fits = core::fit_growth_laws(times, radii);
    best = core::best_exponent(fits);
    for (const core::GrowthFit &f : fits) {
      fits_csv.print("{},{:.6g},{:.6g},{:.6f}\n", f.exponent, f.rate, f.initial, f.r_squared);
      fits_json.push_back({{column::growth_exponent, f.exponent},
                           {column::growth_rate, f.rate},
                           {column::initial_radius_A, f.initial},
                           {column::r_squared, f.r_squared}});
    }
  } else {
    log << "exsolve-analyze: warning: fewer than 3 frames with particles: no growth-law fit\n";
  }

  nlohmann::json sidecar = sidecar_header("exsolve-analyze coarsening", info, dumps);
  sidecar["configuration"] = {{"file", config.source},       {"metal_types", config.metal_types},
                              {"particle_cutoff_A", config.particle_cutoff}, {"min_size_atoms", config.min_size},
                              {"atomic_volume_A3", config.atomic_volume},   {"timestep_ps", config.timestep}};
  sidecar["definitions"] = {{column::mean_radius_A, "mean over particles of half the volume-equivalent diameter"},
                            {"fit", "least squares of mean_radius^n against time for n = 2, 3, 4; best n = highest "
                                    "R^2 (a secondary check: size statistics cannot tell ripening from "
                                    "migration-coalescence; use track events)"}};
  sidecar["fits"] = fits_json;
  sidecar[io::sidecar_key::best_n] = best;
  return finish_sidecar(sidecar, {tables::coarsening.file(), tables::coarsening_fits.file()}, loop,
                        dir + io::output_file::coarsening_json);
}

}  // namespace report
}  // namespace exsolve
