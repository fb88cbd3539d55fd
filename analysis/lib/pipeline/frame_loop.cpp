#include "pipeline/frame_loop.h"

#include <algorithm>
#include <deque>
#include <future>
#include <memory>
#include <stdexcept>

namespace exsolve {
namespace pipeline {

namespace {

// `where`: the frame as errors name it, "<dump>: frame <N in that dump> (step <T>)".
core::PeriodicBox box_of(const io::Frame &frame, int surface_axis, const std::string &where)
{
  core::PeriodicBox box;
  for (int k = 0; k < 3; ++k) {
    box.lo[k] = frame.box.lo[k];
    box.hi[k] = frame.box.hi[k];
    box.periodic[k] = frame.box.periodic(k);
  }
  box.xy = frame.box.xy;
  box.xz = frame.box.xz;
  box.yz = frame.box.yz;
  // Heights, areas and the socket map take the surface as a plane of the cell.
  if (!box.face_normal_to(surface_axis))
    throw std::runtime_error(where + ": the tilted cell (xy " + std::to_string(box.xy) + ", xz " +
                             std::to_string(box.xz) + ", yz " + std::to_string(box.yz) +
                             ") has no face normal to surface_axis " + "xyz"[surface_axis] +
                             ": surface_axis z suits any LAMMPS cell, y needs yz = 0, x needs xy = xz = 0");
  return box;
}

// The core algorithms throw std::invalid_argument on a frame they cannot analyse (a box
// shorter than twice a cutoff, ...) without knowing where it came from: name the frame.
template <class Work>
auto naming_the_frame(const std::string &where, Work work) -> decltype(work())
{
  try {
    return work();
  } catch (const std::invalid_argument &e) {
    throw std::runtime_error(where + ": " + e.what());
  }
}

}  // namespace

io::FramesRead for_each_frame_then_in_order(
    const io::AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
    const std::function<InFrameOrder(long, const io::Frame &, const core::PeriodicBox &)> &work,
    io::TimestepOrder order)
{
  struct Job {
    std::string where;
    std::future<InFrameOrder> rest;
  };
  std::deque<Job> in_flight;
  auto finish_oldest = [&]() {
    try {
      Job job = std::move(in_flight.front());
      in_flight.pop_front();
      const InFrameOrder rest = job.rest.get();  // rethrows an error of the worker
      naming_the_frame(job.where, rest);
    } catch (...) {
      // The frames after this one are not analysed further; their workers still use
      // `work`: wait for them (a std::async future waits when destroyed).
      in_flight.clear();
      throw;
    }
  };
  const std::size_t threads = static_cast<std::size_t>(std::max(1, config.threads));
  io::FramesRead result;
  try {
    result = io::read_selected_frames(config, dumps, log, order,
                                      [&](long index, io::Frame &frame, const std::string &where) {
      const core::PeriodicBox box = box_of(frame, config.surface_axis, where);
      if (threads == 1) {
        const InFrameOrder rest = naming_the_frame(where, [&]() { return work(index, frame, box); });
        naming_the_frame(where, rest);
        return;
      }
      auto owned = std::make_shared<io::Frame>(std::move(frame));
      in_flight.push_back({where, std::async(std::launch::async, [&work, index, owned, box, where]() {
                             return naming_the_frame(where, [&]() { return work(index, *owned, box); });
                           })});
      if (in_flight.size() >= threads) finish_oldest();
    });
  } catch (...) {
    // Reading stopped at a later frame (malformed, out of order) or a frame
    // failed: as on one thread, an earlier frame still in flight reports its error first.
    while (!in_flight.empty()) finish_oldest();
    throw;
  }
  while (!in_flight.empty()) finish_oldest();
  return result;
}

}  // namespace pipeline
}  // namespace exsolve
