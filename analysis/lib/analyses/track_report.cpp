#include "analyses/track_report.h"

#include "analyses/analysis_pass.h"
#include "analyses/report_common.h"
#include "core/diffusion_fit.h"
#include "core/particle_census.h"
#include "core/particle_tracker.h"
#include "core/tracker_frame.h"
#include "io/atomic_output_file.h"
#include "io/table_schema.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

namespace exsolve {
namespace analyses {

namespace tables = io::tables;
namespace key = io::sidecar_key;

namespace {

// What one frame holds for the tracker, found on any thread (frame_loop's parallel part):
// everything that needs only this frame. The frame itself is not kept.
struct FrameClusters {
  core::TrackerFrame tracker;                                      // the tracker's input
  std::vector<std::pair<std::int64_t, core::Vec3>> support_atoms;  // (atom ID, position), in frame order
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
  found.tracker = core::tracker_frame(census.census, frame.id, census.is_metal, config.min_size);
  return found;
}

// The sequential part: the tracker (core/particle_tracker) fed one frame after the other in
// frame order, the support's drift, the drift-corrected trajectories for the MSD, and the
// rows of track.csv and events.csv.
class Tracker {
 public:
  Tracker(const io::AnalysisConfig &config, io::AtomicOutputFile &track_csv, io::AtomicOutputFile &events_csv)
      : remove_drift_(!config.support_types.empty()), tracker_(config.min_size), track_csv_(track_csv),
        events_csv_(events_csv)
  {
  }

  void add_frame(long index, std::int64_t timestep, const core::PeriodicBox &box, const FrameClusters &found)
  {
    steps_.push_back(timestep);
    if (remove_drift_) add_support_step(box, found);
    const core::TrackedFrame tracked = tracker_.add_frame(timestep, found.tracker.atom_ids,
                                                          found.tracker.cluster_of_atom, found.tracker.clusters, box);
    for (const core::TrackedParticle &p : tracked.particles) {
      core::Vec3 corrected = p.unwrapped_centre;
      for (int k = 0; k < 3; ++k) corrected[k] -= drift_[k];
      corrected_[p.id].push_back(corrected);
      const core::Vec3 &r = p.unwrapped_centre;
      track_csv_.print("{},{},{},{},{:.6f},{:.6f},{:.6f},{:.6g}\n", index, timestep, p.id, p.atoms, r[0], r[1], r[2],
                       p.displacement());
    }
    for (const core::ParticleEvent &e : tracked.events)
      events_csv_.print("{},{},{},{},{},{},{}\n", index, timestep, core::name_of(e.type), e.particle, e.other,
                        e.particle_size, e.other_size);
    for (const auto &flux : tracked.exchanged)
      events_csv_.print("{},{},{},{},{},{},0\n", index, timestep, core::event_name::exchange, flux.first.second,
                        flux.first.first, flux.second);
  }

  bool removes_drift() const { return remove_drift_; }
  const core::Vec3 &drift() const { return drift_; }
  // Every particle ever seen: its centres, unwrapped and drift-corrected, one per frame since its birth.
  const std::map<long, std::vector<core::Vec3>> &corrected_trajectories() const { return corrected_; }
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

  const bool remove_drift_;
  core::ParticleTracker tracker_;
  io::AtomicOutputFile &track_csv_, &events_csv_;
  std::map<long, std::vector<core::Vec3>> corrected_;
  std::vector<std::int64_t> steps_;
  std::unordered_map<std::int64_t, core::Vec3> support_before_;
  core::Vec3 drift_{{0.0, 0.0, 0.0}};
};

class TrackAnalysis : public FrameAnalysis {
 public:
  TrackAnalysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info)
      : config_(config), dumps_(dumps), info_(info), dir_(config.output + "/"), track_csv_(dir_ + tables::track.file()),
        events_csv_(dir_ + tables::events.file()), tracker_(config, track_csv_, events_csv_)
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
  const std::map<long, std::vector<core::Vec3>> &tracks = tracker_.corrected_trajectories();
  const std::vector<std::int64_t> &steps = tracker_.steps();
  const core::Vec3 &drift = tracker_.drift();
  const bool remove_drift = tracker_.removes_drift();
  // Diffusion over all particles' trajectories (in the plane normal to surface_axis).
  std::vector<std::vector<core::Vec3>> trajectories;
  for (const auto &t : tracks) trajectories.push_back(t.second);
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
  sidecar["configuration"] = {{"file", config_.source},
                              {"metal_types", config_.metal_types},
                              {"particle_cutoff_A", config_.particle_cutoff},
                              {"min_size_atoms", config_.min_size},
                              {"timestep_ps", config_.timestep},
                              {"surface_axis", std::string(1, "xyz"[config_.surface_axis])}};
  sidecar[key::diffusion] = {
      {key::D_A2_per_ps, fit.diffusion},
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

AnalysisSummary run_track(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                          std::ostream &log)
{
  return run_alone(config, dumps, log, track_analysis(config, dumps, info));
}

}  // namespace analyses
}  // namespace exsolve
