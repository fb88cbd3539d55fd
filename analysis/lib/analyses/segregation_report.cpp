#include "analyses/segregation_report.h"

#include "analyses/analysis_pass.h"
#include "analyses/report_common.h"
#include "analyses/segregation_profile.h"
#include "io/atomic_output_file.h"
#include "io/table_schema.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <utility>

namespace exsolve {
namespace analyses {

namespace column = io::column;
namespace tables = io::tables;

namespace {

class SegregationAnalysis : public FrameAnalysis {
 public:
  SegregationAnalysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info)
      : config_(config), dumps_(dumps), info_(info), dir_(config.output + "/"),
        layers_csv_(dir_ + tables::segregation.file()), frames_csv_(dir_ + tables::segregation_frames.file())
  {
    layers_csv_.print("{}", tables::segregation.header_line());
    frames_csv_.print("{}", tables::segregation_frames.header_line());
  }

  pipeline::InFrameOrder analyse(long index, const io::Frame &frame, const core::PeriodicBox &box,
                                 const pipeline::FrameCensus &found) override
  {
    const std::vector<char> sites = pipeline::atoms_of_types(frame, config_.site_types),
                            dopants = pipeline::atoms_of_types(frame, config_.dopant_types),
                            oxygens = pipeline::atoms_of_types(frame, config_.oxygen_types);
    SegregationProfile p;
    try {
      p = segregation_profile(SegregationInput{&frame.position, &sites, &dopants, &oxygens, &found.is_metal,
                                               &found.census.particle_of_atom},
                              box, config_.surface_axis, config_.lattice_spacing);
    } catch (const std::invalid_argument &e) {
      throw std::runtime_error(fmt::format("frame {} (timestep {}): {}", index, frame.timestep, e.what()));
    }
    std::string layers;
    for (std::size_t k = 0; k < p.layers.size(); ++k) {
      const SegregationLayer &l = p.layers[k];
      layers += fmt::format("{},{},{},{:.6g},{},{},{},{}\n", index, frame.timestep, k,
                            0.5 * config_.lattice_spacing * static_cast<double>(k), l.dopants, l.metal_lattice,
                            l.oxygen_sites, l.oxygen_vacancies);
    }
    long largest = 0, in_particles = 0;
    for (const core::ParticleRecord &particle : found.census.particles) {
      largest = std::max(largest, particle.atoms);
      in_particles += particle.atoms;
    }
    const std::size_t n = found.census.particles.size();
    const std::string row = fmt::format("{},{},{:.6g},{},{},{},{},{},{:.6g},{},{},{}\n", index, frame.timestep, p.top,
                                        p.dopants, p.metal_lattice, p.metal_adatoms, p.metal_in_particles, n,
                                        n ? static_cast<double>(in_particles) / static_cast<double>(n) : 0.0, largest,
                                        p.oxygen_sites, p.oxygen_vacancies);
    return [this, layers = std::move(layers), row]() {
      layers_csv_.print("{}", layers);
      frames_csv_.print("{}", row);
    };
  }

  void finish(const io::FramesRead &frames) override
  {
    layers_csv_.commit();
    frames_csv_.commit();
    nlohmann::json sidecar = sidecar_header("exsolve-analyze segregation", info_, dumps_);
    sidecar["configuration"] = {{"file", config_.source},
                                {"metal_types", config_.metal_types},
                                {"dopant_types", config_.dopant_types},
                                {"site_types", config_.site_types},
                                {"oxygen_types", config_.oxygen_types},
                                {"lattice_spacing_A", config_.lattice_spacing},
                                {"particle_cutoff_A", config_.particle_cutoff},
                                {"min_size_atoms", config_.min_size},
                                {"surface_axis", std::string(1, "xyz"[config_.surface_axis])}};
    sidecar["definitions"] = {
        {column::top_A, "the highest atom of the site (B cation) types along the surface axis: the top B plane"},
        {column::layer, "atomic layer below the top B plane, half a lattice spacing each (0: the top BO2 plane, 1: the "
                        "AO plane below, ...): the depth rounded to whole layers"},
        {column::depth_A, "the layer's depth below the top B plane, layer x lattice_spacing / 2"},
        {"oxygen site", "the midpoint of two site-type atoms 0.75 to 1.25 lattice spacings apart (perovskite B-O-B "
                        "chains); occupied by an oxygen within lattice_spacing / 4, otherwise a vacancy"},
        {column::metal_lattice, "metal atoms in no particle at or below the top B plane (a quarter spacing of slack)"},
        {column::metal_adatoms, "metal atoms in no particle above the top B plane"},
        {column::metal_in_particles, "metal atoms in particles (clusters of at least min_size atoms)"}};
    finish_sidecar(sidecar, {tables::segregation.file(), tables::segregation_frames.file()}, frames,
                   dir_ + io::output_file::segregation_json);
  }

 private:
  const io::AnalysisConfig &config_;
  const std::vector<std::string> &dumps_;
  const RunInfo &info_;
  const std::string dir_;
  io::AtomicOutputFile layers_csv_, frames_csv_;
};

}  // namespace

std::unique_ptr<FrameAnalysis> segregation_analysis(const io::AnalysisConfig &config,
                                                    const std::vector<std::string> &dumps, const RunInfo &info)
{
  io::require_key(config, "dopant_types", !config.dopant_types.empty(), "segregation");
  io::require_key(config, "site_types", !config.site_types.empty(), "segregation");
  io::require_key(config, "oxygen_types", !config.oxygen_types.empty(), "segregation");
  io::require_key(config, "lattice_spacing", config.lattice_spacing > 0.0, "segregation");
  return std::make_unique<SegregationAnalysis>(config, dumps, info);
}

AnalysisSummary run_segregation(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                const RunInfo &info, std::ostream &log)
{
  return run_alone(config, dumps, log, segregation_analysis(config, dumps, info));
}

}  // namespace analyses
}  // namespace exsolve
