#include "analyses/coarsening_report.h"

#include "analyses/analysis_pass.h"
#include "analyses/report_common.h"
#include "core/growth_law.h"
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

class CoarseningAnalysis : public FrameAnalysis {
 public:
  CoarseningAnalysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                     std::ostream &log)
      : config_(config), dumps_(dumps), info_(info), log_(log), dir_(config.output + "/"),
        series_csv_(dir_ + tables::coarsening.file())
  {
    series_csv_.print("{}", tables::coarsening.header_line());
  }

  // Each frame's time is its own timestep: uneven spacing is fine, going back is not.
  io::TimestepOrder timestep_order() const override { return io::TimestepOrder::increasing; }

  pipeline::InFrameOrder analyse(long index, const io::Frame &frame, const core::PeriodicBox &box,
                                 const pipeline::FrameCensus &found) override
  {
    const std::vector<core::ParticleRecord> &particles = found.census.particles;
    double radius_sum = 0.0;
    for (const core::ParticleRecord &p : particles) radius_sum += p.equivalent_diameter / 2.0;
    const double n = static_cast<double>(particles.size());
    const int a = (config_.surface_axis + 1) % 3, b = (config_.surface_axis + 2) % 3;
    const double area_nm2 = box.length(a) * box.length(b) / 100.0;
    const double time_ps = frame.timestep * config_.timestep;
    const double mean_radius = n > 0 ? radius_sum / n : 0.0;
    std::string row = fmt::format("{},{},{:.6g},{},{:.6g},{:.6g}\n", index, frame.timestep, time_ps, particles.size(),
                                  n / area_nm2, mean_radius);
    return [this, row = std::move(row), time_ps, mean_radius, n]() {
      series_csv_.print("{}", row);
      if (n > 0) {
        times_.push_back(time_ps);
        radii_.push_back(mean_radius);
      }
    };
  }

  void finish(const io::FramesRead &frames) override
  {
    series_csv_.commit();
    nlohmann::json fits_json = nlohmann::json::array();
    int best = 0;
    io::AtomicOutputFile fits_csv(dir_ + tables::coarsening_fits.file());
    fits_csv.print("{}", tables::coarsening_fits.header_line());
    if (times_.size() >= 3) {
      const auto fits = core::fit_growth_laws(times_, radii_);
      best = core::best_exponent(fits);
      for (const core::GrowthFit &f : fits) {
        fits_csv.print("{},{:.6g},{:.6g},{:.6f}\n", f.exponent, f.rate, f.initial, f.r_squared);
        fits_json.push_back({{column::growth_exponent, f.exponent},
                             {column::growth_rate, f.rate},
                             {column::initial_radius_A, f.initial},
                             {column::r_squared, f.r_squared}});
      }
    } else {
      log_ << "exsolve-analyze: warning: fewer than 3 frames with particles: no growth-law fit\n";
    }
    fits_csv.commit();

    nlohmann::json sidecar = sidecar_header("exsolve-analyze coarsening", info_, dumps_);
    sidecar["configuration"] = {{"file", config_.source},
                                {"metal_types", config_.metal_types},
                                {"particle_cutoff_A", config_.particle_cutoff},
                                {"min_size_atoms", config_.min_size},
                                {"atomic_volume_A3", config_.atomic_volume},
                                {"timestep_ps", config_.timestep}};
    sidecar["definitions"] = {{column::mean_radius_A, "mean over particles of half the volume-equivalent diameter"},
                              {"fit", "least squares of mean_radius^n against time for n = 2, 3, 4; best n = highest "
                                      "R^2 (a secondary check: size statistics cannot tell ripening from "
                                      "migration-coalescence; use track events)"}};
    sidecar["fits"] = fits_json;
    sidecar[io::sidecar_key::best_n] = best;
    finish_sidecar(sidecar, {tables::coarsening.file(), tables::coarsening_fits.file()}, frames,
                   dir_ + io::output_file::coarsening_json);
  }

 private:
  const io::AnalysisConfig &config_;
  const std::vector<std::string> &dumps_;
  const RunInfo &info_;
  std::ostream &log_;
  const std::string dir_;
  io::AtomicOutputFile series_csv_;
  std::vector<double> times_, radii_;  // frames with particles, in frame order
};

}  // namespace

std::unique_ptr<FrameAnalysis> coarsening_analysis(const io::AnalysisConfig &config,
                                                   const std::vector<std::string> &dumps, const RunInfo &info,
                                                   std::ostream &log)
{
  io::require_key(config, "timestep", config.timestep > 0.0, "coarsening");
  return std::make_unique<CoarseningAnalysis>(config, dumps, info, log);
}

AnalysisSummary run_coarsening(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               const RunInfo &info, std::ostream &log)
{
  return run_alone(config, dumps, log, coarsening_analysis(config, dumps, info, log));
}

}  // namespace analyses
}  // namespace exsolve
