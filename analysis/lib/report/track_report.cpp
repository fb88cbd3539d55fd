#include "report/track_report.h"

#include "core/cluster_finder.h"
#include "core/diffusion_fit.h"
#include "core/particle_census.h"
#include "core/particle_linker.h"
#include "io/table_schema.h"
#include "pipeline/frame_loop.h"
#include "report/report_common.h"

#include <fmt/format.h>
#include <fmt/os.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <tuple>
#include <unordered_map>

namespace exsolve {
namespace report {

namespace tables = io::tables;
namespace key = io::sidecar_key;

namespace {

struct Track {
  std::vector<core::Vec3> unwrapped;  // one per frame since birth
  std::vector<core::Vec3> corrected;  // unwrapped minus the support's drift (for the MSD)
  core::Vec3 wrapped{{0.0, 0.0, 0.0}};
  long atoms = 0;
  bool alive = true;
};

}  // namespace

AnalysisSummary run_track(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                          const RunInfo &info, std::ostream &log)
{
  io::require_key(config, "timestep", config.timestep > 0.0, "track");
  const std::string dir = config.output + "/";
  auto track_csv = fmt::output_file(dir + tables::track.file());
  auto events_csv = fmt::output_file(dir + tables::events.file());
  track_csv.print("{}", tables::track.header_line());
  events_csv.print("{}", tables::events.header_line());

  const core::CensusOptions options = census_options(config);

  std::unordered_map<std::int64_t, long> previous_particle, last_particle;  // by atom ID
  std::map<long, Track> tracks;
  long next_id = 1;
  std::vector<std::int64_t> steps;
  // Drift of the support (mean minimum-image step of its atoms, by atom ID), removed from
  // the particle trajectories before the MSD: particles move relative to their support.
  const bool remove_drift = !config.support_types.empty();
  std::unordered_map<std::int64_t, core::Vec3> support_before;
  core::Vec3 drift{{0.0, 0.0, 0.0}};

  const io::FramesRead loop = pipeline::for_each_frame(config, dumps, log, [&](long index, const io::Frame &frame,
                                                                               const core::OrthogonalBox &box) {
    steps.push_back(frame.timestep);
    const std::vector<char> is_metal = atoms_of_types(frame, config.metal_types);
    if (remove_drift) {
      const std::vector<char> is_support = atoms_of_types(frame, config.support_types);
      core::Vec3 step_sum{{0.0, 0.0, 0.0}};
      long common = 0;
      std::unordered_map<std::int64_t, core::Vec3> support_now;
      for (std::size_t i = 0; i < frame.size(); ++i) {
        if (!is_support[i]) continue;
        support_now[frame.id[i]] = frame.position[i];
        const auto before = support_before.find(frame.id[i]);
        if (before == support_before.end()) continue;
        const core::Vec3 d = box.minimum_image(before->second, frame.position[i]);
        for (int k = 0; k < 3; ++k) step_sum[k] += d[k];
        ++common;
      }
      if (common > 0)
        for (int k = 0; k < 3; ++k) drift[k] += step_sum[k] / common;
      support_before.swap(support_now);
    }
    const std::vector<std::int64_t> labels =
        core::label_clusters(core::ClusterInput{&frame.position, &frame.id, &is_metal}, box, config.particle_cutoff);
    const core::Census census =
        core::take_census(core::CensusInput{&frame.position, &frame.id, &is_metal, nullptr}, box, options);

    core::LinkInput input;
    input.min_size = config.min_size;
    input.next_id = next_id;
    std::map<std::int64_t, long> cluster_atoms;
    std::map<std::tuple<long, long, long>, long> composition;
    for (std::size_t i = 0; i < frame.size(); ++i) {
      if (!is_metal[i]) continue;
      ++cluster_atoms[labels[i]];
      const auto previous = previous_particle.find(frame.id[i]);
      const auto last = last_particle.find(frame.id[i]);
      ++composition[std::make_tuple(static_cast<long>(labels[i]), previous == previous_particle.end() ? 0L : previous->second,
                                    last == last_particle.end() ? 0L : last->second)];
    }
    for (const auto &c : cluster_atoms) input.clusters.emplace_back(c.first, c.second);
    for (const auto &c : composition)
      input.composition.push_back({std::get<0>(c.first), std::get<1>(c.first), std::get<2>(c.first), c.second});
    for (const auto &t : tracks)
      if (t.second.alive) input.previous_sizes[t.first] = t.second.atoms;
    const core::LinkResult result = core::link_particles(input);
    next_id = result.next_id;

    previous_particle.clear();
    for (std::size_t i = 0; i < frame.size(); ++i) {
      if (!is_metal[i]) continue;
      const long id = result.particle_of_cluster.at(labels[i]);
      if (id != 0) {
        previous_particle[frame.id[i]] = id;
        last_particle[frame.id[i]] = id;
      }
    }

    for (auto &t : tracks) t.second.alive = false;
    for (const core::ParticleRecord &p : census.particles) {
      const long id = result.particle_of_cluster.at(p.label);
      Track &t = tracks[id];
      if (t.unwrapped.empty()) {
        t.unwrapped.push_back(p.centre_of_mass);
      } else {
        const core::Vec3 step = box.minimum_image(t.wrapped, p.centre_of_mass);
        core::Vec3 next = t.unwrapped.back();
        for (int k = 0; k < 3; ++k) next[k] += step[k];
        t.unwrapped.push_back(next);
      }
      core::Vec3 corrected = t.unwrapped.back();
      for (int k = 0; k < 3; ++k) corrected[k] -= drift[k];
      t.corrected.push_back(corrected);
      t.wrapped = p.centre_of_mass;
      t.atoms = p.atoms;
      t.alive = true;
      const core::Vec3 &r = t.unwrapped.back(), &r0 = t.unwrapped.front();
      const double displacement =
          std::sqrt((r[0] - r0[0]) * (r[0] - r0[0]) + (r[1] - r0[1]) * (r[1] - r0[1]) + (r[2] - r0[2]) * (r[2] - r0[2]));
      track_csv.print("{},{},{},{},{:.6f},{:.6f},{:.6f},{:.6g}\n", index, frame.timestep, id, p.atoms, r[0], r[1], r[2],
                      displacement);
    }
    // In the order of core::ParticleEvent's types.
    static const char *const NAMES[] = {io::event_kind::birth, io::event_kind::merge, io::event_kind::split,
                                        io::event_kind::death};
    for (const core::ParticleEvent &e : result.events)
      events_csv.print("{},{},{},{},{},{},{}\n", index, frame.timestep, NAMES[e.type], e.particle, e.other,
                       e.particle_size, e.other_size);
    for (const auto &flux : result.exchanged)
      events_csv.print("{},{},{},{},{},{},0\n", index, frame.timestep, io::event_kind::exchange, flux.first.second,
                       flux.first.first, flux.second);
  }, io::TimestepOrder::evenly_spaced);

  // Diffusion over all particles' trajectories (in the plane normal to surface_axis).
  std::vector<std::vector<core::Vec3>> trajectories;
  for (const auto &t : tracks) trajectories.push_back(t.second.corrected);
  // `steps` holds the selected frames only, evenly spaced (io::TimestepOrder::evenly_spaced):
  // frames.every is already in their spacing.
  const double frame_interval = steps.size() > 1 ? (steps[1] - steps[0]) * config.timestep : config.timestep;
  const int a = (config.surface_axis + 1) % 3, b = (config.surface_axis + 2) % 3;
  const auto msd = core::mean_squared_displacement(trajectories, frame_interval, a, b);
  const core::DiffusionFit fit = core::fit_diffusion(msd);
  const core::BlockDiffusion blocks = core::block_diffusion(trajectories, frame_interval, a, b);
  auto msd_csv = fmt::output_file(dir + tables::msd.file());
  msd_csv.print("{}", tables::msd.header_line());
  for (const core::MsdPoint &p : msd) msd_csv.print("{:.6g},{:.6g},{}\n", p.lag, p.msd, p.samples);

  nlohmann::json sidecar = sidecar_header("exsolve-analyze track", info, dumps);
  sidecar["configuration"] = {{"file", config.source},       {"metal_types", config.metal_types},
                              {"particle_cutoff_A", config.particle_cutoff}, {"min_size_atoms", config.min_size},
                              {"timestep_ps", config.timestep}, {"surface_axis", std::string(1, "xyz"[config.surface_axis])}};
  sidecar[key::diffusion] = {{key::D_A2_per_ps, fit.diffusion},
                             {key::D_uncertainty_A2_per_ps, fit.diffusion_uncertainty},
                             {key::msd_exponent, fit.exponent},
                             {"fit_lags", fit.points},
                             {"definition", "in-plane MSD(lag) of the drift-corrected centres, averaged over particles "
                                            "and time origins, MSD = 4 D lag fitted over the first quarter of the lags; "
                                            "exponent from log-log fit"},
                             {key::blocks,
                              {{key::D_A2_per_ps, blocks.diffusion},
                               {key::D_standard_error_A2_per_ps, blocks.standard_error},
                               {key::segments, blocks.segments},
                               {"definition", "each trajectory cut into 4 time blocks (at least 8 frames each), D fitted "
                                              "per (particle, block) segment; mean and standard error of the mean over "
                                              "segments: the error bar to compare conditions with"}}}};
  sidecar["particles_seen"] = tracks.size();
  sidecar["support_drift"] = {{"removed", remove_drift},
                              {"total_A", {drift[0], drift[1], drift[2]}},
                              {"definition", "mean minimum-image step of the support atoms between frames, summed; "
                                             "subtracted from the particle centres before the MSD (needs "
                                             "support_types)"}};
  return finish_sidecar(sidecar, {tables::track.file(), tables::events.file(), tables::msd.file()}, loop,
                        dir + io::output_file::track_json);
}

}  // namespace report
}  // namespace exsolve
