#include "analyses/particles_report.h"

#include "analyses/analysis_pass.h"
#include "analyses/report_common.h"
#include "core/particle_census.h"
#include "io/atomic_output_file.h"
#include "io/table_schema.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <utility>

namespace exsolve {
namespace analyses {

namespace column = io::column;
namespace tables = io::tables;

namespace {

class ParticlesAnalysis : public FrameAnalysis {
 public:
  ParticlesAnalysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info)
      : config_(config), dumps_(dumps), info_(info), dir_(config.output + "/"),
        particles_csv_(dir_ + tables::particles.file()), frames_csv_(dir_ + tables::frames.file()),
        sizes_csv_(dir_ + tables::size_distribution.file())
  {
    particles_csv_.print("{}", tables::particles.header_line());
    frames_csv_.print("{}", tables::frames.header_line());
    sizes_csv_.print("{}", tables::size_distribution.header_line());
  }

  bool weighs_by_mass() const override { return true; }

  pipeline::InFrameOrder analyse(long index, const io::Frame &frame, const core::PeriodicBox &box,
                                 const pipeline::FrameCensus &found) override
  {
    std::string particle_rows, frame_row, size_rows;
    std::map<long, long> size_counts;
    double atoms_sum = 0.0, diameter_sum = 0.0;
    const std::vector<core::ParticleRecord> &particles = found.particles_weighted_by_mass();
    for (const core::ParticleRecord &p : particles) {
      particle_rows += fmt::format("{},{},{},{},{:.6g},{:.6f},{:.6f},{:.6f},{:.6g},{:.6g}\n", index, frame.timestep,
                                   p.label, p.atoms, p.equivalent_diameter, p.centre_of_mass[0], p.centre_of_mass[1],
                                   p.centre_of_mass[2], p.radius_of_gyration, p.height);
      ++size_counts[p.atoms];
      atoms_sum += p.atoms;
      diameter_sum += p.equivalent_diameter;
    }
    const int a = (config_.surface_axis + 1) % 3, b = (config_.surface_axis + 2) % 3;
    const double area_nm2 = box.length(a) * box.length(b) / 100.0;
    const double n = static_cast<double>(particles.size());
    frame_row = fmt::format("{},{},{},{},{:.6g},{:.6g},{:.6g},{:.6g}\n", index, frame.timestep, particles.size(),
                            found.census.free_atoms, n > 0 ? atoms_sum / n : 0.0, n > 0 ? diameter_sum / n : 0.0,
                            area_nm2, n / area_nm2);
    for (const auto &entry : size_counts)
      size_rows += fmt::format("{},{},{},{}\n", index, frame.timestep, entry.first, entry.second);
    return [this, particle_rows = std::move(particle_rows), frame_row = std::move(frame_row),
            size_rows = std::move(size_rows)]() {
      particles_csv_.print("{}", particle_rows);
      frames_csv_.print("{}", frame_row);
      sizes_csv_.print("{}", size_rows);
    };
  }

  void finish(const io::FramesRead &frames) override
  {
    particles_csv_.commit();
    frames_csv_.commit();
    sizes_csv_.commit();
    nlohmann::json sidecar = sidecar_header("exsolve-analyze particles", info_, dumps_);
    sidecar["configuration"] = {
        {"file", config_.source},
        {"metal_types", config_.metal_types},
        {"particle_cutoff_A", config_.particle_cutoff},
        {"min_size_atoms", config_.min_size},
        {"atomic_volume_A3", config_.atomic_volume},
        {"surface_axis", std::string(1, "xyz"[config_.surface_axis])},
        {"frames", {{"first", config_.first_frame}, {"last", config_.last_frame}, {"every", config_.frame_every}}}};
    sidecar["definitions"] = {
        {column::particle, "connected cluster of metal atoms (distance < particle_cutoff) with at least min_size "
                           "atoms; labelled by its smallest atom ID"},
        {column::free_atoms, "metal atoms in clusters smaller than min_size (adatoms, dissolved atoms)"},
        {column::equivalent_diameter_A, "diameter of a sphere of volume atoms * atomic_volume (volume-equivalent)"},
        {"com", "centre of mass (equal masses unless the dump has a mass column), minimum-image offsets from the "
                "particle's smallest-ID atom, wrapped into the periodic cell (tilted or not)"},
        {column::height_A, "extent of the particle along surface_axis"},
        {column::density_per_nm2, "particles per nm^2 of the cell face normal to surface_axis"}};
    finish_sidecar(sidecar, {tables::particles.file(), tables::frames.file(), tables::size_distribution.file()}, frames,
                   dir_ + io::output_file::particles_json);
  }

 private:
  const io::AnalysisConfig &config_;
  const std::vector<std::string> &dumps_;
  const RunInfo &info_;
  const std::string dir_;
  io::AtomicOutputFile particles_csv_, frames_csv_, sizes_csv_;
};

}  // namespace

std::unique_ptr<FrameAnalysis> particles_analysis(const io::AnalysisConfig &config,
                                                  const std::vector<std::string> &dumps, const RunInfo &info)
{
  return std::make_unique<ParticlesAnalysis>(config, dumps, info);
}

AnalysisSummary run_particles(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                              const RunInfo &info, std::ostream &log)
{
  return run_alone(config, dumps, log, particles_analysis(config, dumps, info));
}

}  // namespace analyses
}  // namespace exsolve
