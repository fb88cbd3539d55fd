#include "report/frame_loop.h"

#include "io/dump_reader.h"

#include <algorithm>
#include <deque>
#include <future>
#include <memory>
#include <set>
#include <stdexcept>
#include <unistd.h>

namespace exsolve {
namespace report {

namespace {

core::OrthogonalBox orthogonal_box(const io::Frame &frame, const std::string &dump)
{
  if (frame.box.triclinic)
    throw std::runtime_error(dump + ": frame at step " + std::to_string(frame.timestep) +
                             ": triclinic boxes are not supported by the analyses yet");
  core::OrthogonalBox box;
  for (int k = 0; k < 3; ++k) {
    box.lo[k] = frame.box.lo[k];
    box.hi[k] = frame.box.hi[k];
    box.periodic[k] = frame.box.periodic(k);
  }
  return box;
}

// "frame N (step T)" on one terminal line, only when stderr is a terminal (quiet in pipes
// and log files).
class Progress {
 public:
  explicit Progress(std::ostream &log) : log_(log), active_(isatty(STDERR_FILENO) != 0) {}
  ~Progress()
  {
    if (active_ && shown_) log_ << "\n";
  }
  void frame(long index, std::int64_t timestep)
  {
    if (!active_) return;
    log_ << "\rexsolve-analyze: frame " << index << " (step " << timestep << ")" << std::flush;
    shown_ = true;
  }

 private:
  std::ostream &log_;
  bool active_;
  bool shown_ = false;
};

// Reads the selected frames of all dumps in order and hands each to `take`; stops early
// after config.last_frame.
FrameLoopResult read_selected_frames(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                     std::ostream &log,
                                     const std::function<void(long, io::Frame &, const std::string &)> &take)
{
  FrameLoopResult result;
  Progress progress(log);
  long index = 0;
  for (const std::string &dump : dumps) {
    io::DumpReader reader(dump);
    io::Frame frame;
    while (true) {
      try {
        if (!reader.next(frame)) break;
      } catch (const io::TruncatedFrame &e) {
        result.warnings.push_back(std::string("skipped: ") + e.what());
        log << "exsolve-analyze: warning: " << e.what() << "; skipping it\n";
        break;
      }
      const long this_index = index++;
      if (config.last_frame >= 0 && this_index > config.last_frame) return result;
      if (this_index < config.first_frame || (this_index - config.first_frame) % config.frame_every != 0) continue;
      progress.frame(this_index, frame.timestep);
      take(this_index, frame, dump);
      ++result.frames_analysed;
    }
  }
  return result;
}

}  // namespace

FrameLoopResult for_each_frame_parallel(
    const io::AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
    const std::function<FrameOutput(long, const io::Frame &, const core::OrthogonalBox &)> &work,
    const std::function<void(long, std::int64_t, FrameOutput &)> &emit)
{
  struct Job {
    long index;
    std::int64_t timestep;
    std::future<FrameOutput> output;
  };
  std::deque<Job> in_flight;
  auto finish_oldest = [&]() {
    Job &job = in_flight.front();
    FrameOutput output = job.output.get();  // rethrows an error of the worker
    emit(job.index, job.timestep, output);
    in_flight.pop_front();
  };
  const std::size_t threads = static_cast<std::size_t>(std::max(1, config.threads));
  FrameLoopResult result = read_selected_frames(config, dumps, log, [&](long index, io::Frame &frame,
                                                                        const std::string &dump) {
    const core::OrthogonalBox box = orthogonal_box(frame, dump);
    if (threads == 1) {
      FrameOutput output = work(index, frame, box);
      emit(index, frame.timestep, output);
      return;
    }
    auto owned = std::make_shared<io::Frame>(std::move(frame));
    in_flight.push_back({index, owned->timestep,
                         std::async(std::launch::async, [&work, index, owned, box]() { return work(index, *owned, box); })});
    if (in_flight.size() >= threads) finish_oldest();
  });
  while (!in_flight.empty()) finish_oldest();
  return result;
}

FrameLoopResult for_each_frame(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               std::ostream &log,
                               const std::function<void(long, const io::Frame &, const core::OrthogonalBox &)> &visit)
{
  return read_selected_frames(config, dumps, log, [&](long index, io::Frame &frame, const std::string &dump) {
    visit(index, frame, orthogonal_box(frame, dump));
  });
}

std::vector<char> atoms_of_types(const io::Frame &frame, const std::vector<int> &types)
{
  const std::set<int> wanted(types.begin(), types.end());
  std::vector<char> selected(frame.size());
  for (std::size_t i = 0; i < frame.size(); ++i) selected[i] = wanted.count(frame.type[i]) ? 1 : 0;
  return selected;
}

}  // namespace report
}  // namespace exsolve
