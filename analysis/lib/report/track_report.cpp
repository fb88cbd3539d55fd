#include "report/track_report.h"

#include "core/diffusion_fit.h"
#include "core/particle_census.h"
#include "core/particle_linker.h"
#include "io/atomic_output_file.h"
#include "io/table_schema.h"
#include "report/analysis_pass.h"
#include "report/particle_by_atom_id.h"
#include "report/report_common.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

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

// What one frame holds for the linking, found on any thread (frame_loop's parallel part):
// everything that needs only this frame. The frame itself is not kept.
struct FrameClusters {
  std::vector<std::pair<std::int64_t, std::int64_t>> metal_atoms;    // (atom ID, cluster label), in frame order
  std::vector<std::pair<std::int64_t, long>> cluster_atoms;          // (cluster label, atoms), by label
  std::vector<std::pair<std::int64_t, core::Vec3>> support_atoms;    // (atom ID, position), in frame order
  std::vector<core::ParticleRecord> particles;                       // census, by label
};

FrameClusters find_clusters(const io::Frame &frame, const pipeline::FrameCensus &census,
                            const io::AnalysisConfig &config, bool with_support)
{
  FrameClusters found;
  if (with_support) {
    const std::vector<char> is_support = pipeline::atoms_of_types(frame, config.support_types);
    for (std::size_t i = 0; i < frame.size(); ++i)
      if (is_support[i]) found.support_atoms.emplace_back(frame.id[i], frame.position[i]);
  }
  // The census's particles and every cluster, small ones included, for the identity linking.
  found.particles = census.census.particles;
  const std::vector<std::int64_t> &labels = census.census.cluster_of_atom;
  std::map<std::int64_t, long> cluster_atoms;
  for (std::size_t i = 0; i < frame.size(); ++i) {
    if (!census.is_metal[i]) continue;
    found.metal_atoms.emplace_back(frame.id[i], labels[i]);
    ++cluster_atoms[labels[i]];
  }
  found.cluster_atoms.assign(cluster_atoms.begin(), cluster_atoms.end());
  return found;
}

// The sequential part: identities linked to the previous frame (core/particle_linker),
// trajectories, the support's drift, and the rows of track.csv and events.csv, one frame
// after the other in frame order.
class Tracker {
public:
  Tracker(const io::AnalysisConfig &config, io::AtomicOutputFile &track_csv, io::AtomicOutputFile &events_csv)
      : config_(config), remove_drift_(!config.support_types.empty()), track_csv_(track_csv), events_csv_(events_csv)
  {
  }

  void add_frame(long index, std::int64_t timestep, const core::PeriodicBox &box, const FrameClusters &found)
  {
    steps_.push_back(timestep);
    if (remove_drift_) add_support_step(box, found);
    const core::LinkResult result = link(found);
    move_particles(index, timestep, box, found, result);
    // In the order of core::ParticleEvent's types.
    static const char *const NAMES[] = {io::event_kind::birth, io::event_kind::merge, io::event_kind::split,
                                        io::event_kind::death};
    for (const core::ParticleEvent &e : result.events)
      events_csv_.print("{},{},{},{},{},{},{}\n", index, timestep, NAMES[e.type], e.particle, e.other,
                        e.particle_size, e.other_size);
    for (const auto &flux : result.exchanged)
      events_csv_.print("{},{},{},{},{},{},0\n", index, timestep, io::event_kind::exchange, flux.first.second,
                        flux.first.first, flux.second);
  }

  bool removes_drift() const { return remove_drift_; }
  const core::Vec3 &drift() const { return drift_; }
  const std::map<long, Track> &tracks() const { return tracks_; }
  const std::vector<std::int64_t> &steps() const { return steps_; }

private:
  // Drift of the support (mean minimum-image step of its atoms, by atom ID), removed from
  // the particle trajectories before the MSD: particles move relative to their support.
  void add_support_step(const core::PeriodicBox &box, const FrameClusters &found)
  {
    core::Vec3 step_sum{{0.0, 0.0, 0.0}};
    long common = 0;
    std::unordered_map<std::int64_t, core::Vec3> support_now;
    for (const auto &atom : found.support_atoms) {
      support_now[atom.first] = atom.second;
      const auto before = support_before_.find(atom.first);
      if (before == support_before_.end()) continue;
      const core::Vec3 d = box.minimum_image(before->second, atom.second);
      for (int k = 0; k < 3; ++k) step_sum[k] += d[k];
      ++common;
    }
    if (common > 0)
      for (int k = 0; k < 3; ++k) drift_[k] += step_sum[k] / common;
    support_before_.swap(support_now);
  }

  core::LinkResult link(const FrameClusters &found)
  {
    core::LinkInput input;
    input.min_size = config_.min_size;
    input.next_id = next_id_;
    // Runs in frame order for every metal atom; neighbouring atoms mostly share their
    // cluster and particles, so the last entry is tried before the map.
    std::map<std::tuple<long, long, long>, long> composition;
    auto last_entry = composition.end();
    for (const auto &atom : found.metal_atoms) {
      const auto key = std::make_tuple(static_cast<long>(atom.second), previous_particle_.at(atom.first),
                                       last_particle_.at(atom.first));
      if (last_entry == composition.end() || last_entry->first != key)
        last_entry = composition.emplace(key, 0L).first;
      ++last_entry->second;
    }
    for (const auto &c : found.cluster_atoms) input.clusters.emplace_back(c.first, c.second);
    for (const auto &c : composition)
      input.composition.push_back({std::get<0>(c.first), std::get<1>(c.first), std::get<2>(c.first), c.second});
    for (const auto &t : tracks_)
      if (t.second.alive) input.previous_sizes[t.first] = t.second.atoms;
    core::LinkResult result = core::link_particles(input);
    next_id_ = result.next_id;

    previous_particle_.clear();
    auto cluster = result.particle_of_cluster.end();
    for (const auto &atom : found.metal_atoms) {
      if (cluster == result.particle_of_cluster.end() || cluster->first != atom.second)
        cluster = result.particle_of_cluster.find(atom.second);
      if (cluster == result.particle_of_cluster.end())
        throw std::logic_error("track: cluster " + std::to_string(atom.second) + " has no particle entry");
      const long id = cluster->second;
      if (id != 0) {
        previous_particle_.set(atom.first, id, found.metal_atoms.size());
        last_particle_.set(atom.first, id, found.metal_atoms.size());
      }
    }
    return result;
  }

  void move_particles(long index, std::int64_t timestep, const core::PeriodicBox &box, const FrameClusters &found,
                      const core::LinkResult &result)
  {
    for (auto &t : tracks_) t.second.alive = false;
    for (const core::ParticleRecord &p : found.particles) {
      const long id = result.particle_of_cluster.at(p.label);
      Track &t = tracks_[id];
      if (t.unwrapped.empty()) {
        t.unwrapped.push_back(p.centre_of_mass);
      } else {
        const core::Vec3 step = box.minimum_image(t.wrapped, p.centre_of_mass);
        core::Vec3 next = t.unwrapped.back();
        for (int k = 0; k < 3; ++k) next[k] += step[k];
        t.unwrapped.push_back(next);
      }
      core::Vec3 corrected = t.unwrapped.back();
      for (int k = 0; k < 3; ++k) corrected[k] -= drift_[k];
      t.corrected.push_back(corrected);
      t.wrapped = p.centre_of_mass;
      t.atoms = p.atoms;
      t.alive = true;
      const core::Vec3 &r = t.unwrapped.back(), &r0 = t.unwrapped.front();
      const double displacement =
          std::sqrt((r[0] - r0[0]) * (r[0] - r0[0]) + (r[1] - r0[1]) * (r[1] - r0[1]) + (r[2] - r0[2]) * (r[2] - r0[2]));
      track_csv_.print("{},{},{},{},{:.6f},{:.6f},{:.6f},{:.6g}\n", index, timestep, id, p.atoms, r[0], r[1], r[2],
                       displacement);
    }
  }

  const io::AnalysisConfig &config_;
  const bool remove_drift_;
  io::AtomicOutputFile &track_csv_, &events_csv_;
  ParticleByAtomId previous_particle_, last_particle_;
  std::map<long, Track> tracks_;
  long next_id_ = 1;
  std::vector<std::int64_t> steps_;
  std::unordered_map<std::int64_t, core::Vec3> support_before_;
  core::Vec3 drift_{{0.0, 0.0, 0.0}};
};

class TrackAnalysis : public FrameAnalysis {
 public:
  TrackAnalysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info)
      : config_(config),
        dumps_(dumps),
        info_(info),
        dir_(config.output + "/"),
        track_csv_(dir_ + tables::track.file()),
        events_csv_(dir_ + tables::events.file()),
        tracker_(config, track_csv_, events_csv_)
  {
    track_csv_.print("{}", tables::track.header_line());
    events_csv_.print("{}", tables::events.header_line());
  }

  // Lags are counted in frames.
  io::TimestepOrder timestep_order() const override { return io::TimestepOrder::evenly_spaced; }

  // What the linking needs of this frame, on any thread; the linking strictly in frame order.
  pipeline::InFrameOrder analyse(long index, const io::Frame &frame, const core::PeriodicBox &box,
                                 const pipeline::FrameCensus &census) override
  {
    auto found = std::make_shared<const FrameClusters>(find_clusters(frame, census, config_, tracker_.removes_drift()));
    const std::int64_t timestep = frame.timestep;
    return [this, index, timestep, box, found]() { tracker_.add_frame(index, timestep, box, *found); };
  }

  void finish(const io::FramesRead &frames) override;

 private:
  const io::AnalysisConfig &config_;
  const std::vector<std::string> &dumps_;
  const RunInfo &info_;
  const std::string dir_;
  io::AtomicOutputFile track_csv_, events_csv_;
  Tracker tracker_;
};

void TrackAnalysis::finish(const io::FramesRead &frames)
{
  track_csv_.commit();
  events_csv_.commit();
  const std::map<long, Track> &tracks = tracker_.tracks();
  const std::vector<std::int64_t> &steps = tracker_.steps();
  const core::Vec3 &drift = tracker_.drift();
  const bool remove_drift = tracker_.removes_drift();
  // Diffusion over all particles' trajectories (in the plane normal to surface_axis).
  std::vector<std::vector<core::Vec3>> trajectories;
  for (const auto &t : tracks) trajectories.push_back(t.second.corrected);
  // `steps` holds the selected frames only, evenly spaced (io::TimestepOrder::evenly_spaced):
  // frames.every is already in their spacing.
  const double frame_interval = steps.size() > 1 ? (steps[1] - steps[0]) * config_.timestep : config_.timestep;
  const int a = (config_.surface_axis + 1) % 3, b = (config_.surface_axis + 2) % 3;
  const auto msd = core::mean_squared_displacement(trajectories, frame_interval, a, b);
  const core::DiffusionFit fit = core::fit_diffusion(msd);
  const core::BlockDiffusion blocks = core::block_diffusion(trajectories, frame_interval, a, b);
  io::AtomicOutputFile msd_csv(dir_ + tables::msd.file());
  msd_csv.print("{}", tables::msd.header_line());
  for (const core::MsdPoint &p : msd) msd_csv.print("{:.6g},{:.6g},{}\n", p.lag, p.msd, p.samples);
  msd_csv.commit();

  nlohmann::json sidecar = sidecar_header("exsolve-analyze track", info_, dumps_);
  sidecar["configuration"] = {{"file", config_.source},       {"metal_types", config_.metal_types},
                              {"particle_cutoff_A", config_.particle_cutoff}, {"min_size_atoms", config_.min_size},
                              {"timestep_ps", config_.timestep}, {"surface_axis", std::string(1, "xyz"[config_.surface_axis])}};
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
  finish_sidecar(sidecar, {tables::track.file(), tables::events.file(), tables::msd.file()}, frames,
                 dir_ + io::output_file::track_json);
}

}  // namespace

std::unique_ptr<FrameAnalysis> track_analysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                              const RunInfo &info)
{
  io::require_key(config, "timestep", config.timestep > 0.0, "track");
  return std::make_unique<TrackAnalysis>(config, dumps, info);
}

AnalysisSummary run_track(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                          const RunInfo &info, std::ostream &log)
{
  return run_alone(config, dumps, log, track_analysis(config, dumps, info));
}

}  // namespace report
}  // namespace exsolve
