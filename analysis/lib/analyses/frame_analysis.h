// One analysis of exsolve-analyze as the one pass over the dumps (analyses/analysis_pass)
// runs it: what it does with each frame, on any thread; what it does in frame order; and
// what it does after the last frame. `report` runs all of them on each frame as it is read,
// a subcommand runs its own alone: the same code writes the same tables either way.
#pragma once

#include "core/periodic_box.h"
#include "io/frame.h"
#include "io/selected_frames.h"
#include "io/timestep_order.h"
#include "pipeline/frame_census.h"
#include "pipeline/frame_loop.h"

namespace exsolve {
namespace analyses {

class FrameAnalysis {
 public:
  virtual ~FrameAnalysis() = default;

  // The order the analysis needs of the frames' timesteps (track: evenly spaced).
  virtual io::TimestepOrder timestep_order() const { return io::TimestepOrder::any; }
  // Whether it needs the particles measured with the dump's masses (`particles` only).
  virtual bool weighs_by_mass() const { return false; }
  // On up to config.threads frames at once: everything that needs only this frame. Returns
  // what is left to do for it (writing its rows, linking), run in frame order.
  virtual pipeline::InFrameOrder analyse(long index, const io::Frame &frame, const core::PeriodicBox &box,
                                         const pipeline::FrameCensus &found) = 0;
  // After the last frame: whole-run results, the sidecar; closes the analysis's files.
  virtual void finish(const io::FramesRead &frames) = 0;
};

}  // namespace analyses
}  // namespace exsolve
