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

// `where`: the frame as errors name it, "<dump>: frame <N in that dump> (step <T>)".
core::OrthogonalBox orthogonal_box(const io::Frame &frame, const std::string &where)
{
  if (frame.box.triclinic) throw std::runtime_error(where + ": triclinic boxes are not supported by the analyses yet");
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

// Rejects selected frames whose timesteps break the order an analysis needs: dumps given
// out of order, a frame written twice over a restart, or a changed dump interval would
// otherwise give negative or wrong lags without a word.
class TimestepCheck {
 public:
  explicit TimestepCheck(TimestepOrder order) : order_(order) {}

  void check(std::int64_t timestep, const std::string &where)
  {
    if (order_ == TimestepOrder::any) return;
    if (!previous_where_.empty()) {
      const std::int64_t interval = timestep - previous_;
      if (interval <= 0)
        throw std::runtime_error(where + " follows " + previous_where_ +
                                 ": the selected frames must have increasing timesteps (give the dumps in time "
                                 "order; split dumps that repeat frames, e.g. over a restart, and analyse the "
                                 "parts separately)");
      if (order_ == TimestepOrder::evenly_spaced && interval_ > 0 && interval != interval_)
        throw std::runtime_error(where + " is " + std::to_string(interval) + " steps after " + previous_where_ +
                                 ", the frames before it are " + std::to_string(interval_) +
                                 " steps apart: the selected frames must be evenly spaced in time (lags are "
                                 "counted in frames); select evenly spaced frames with frames: {every: N}, or "
                                 "split the dumps where the interval changes and analyse the parts separately");
      interval_ = interval;
    }
    previous_ = timestep;
    previous_where_ = where;
  }

 private:
  TimestepOrder order_;
  std::int64_t previous_ = 0, interval_ = 0;
  std::string previous_where_;  // empty before the first frame
};

// Reads the next frame; false at the end of the dump or, with a warning, on a frame cut
// short there.
bool next_complete_frame(io::DumpReader &reader, io::Frame &frame, FrameLoopResult &result, std::ostream &log)
{
  try {
    return reader.next(frame);
  } catch (const io::TruncatedFrame &e) {
    result.warnings.push_back(std::string("skipped: ") + e.what());
    log << "exsolve-analyze: warning: " << e.what() << "; skipping it\n";
    return false;
  }
}

// Reads the selected frames of all dumps in order and hands each to `take` with its name
// for errors; stops early after config.last_frame. `frames_read` counts the complete
// frames read.
FrameLoopResult read_frames_of_dumps(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                     std::ostream &log, TimestepOrder order, long &frames_read,
                                     const std::function<void(long, io::Frame &, const std::string &)> &take)
{
  FrameLoopResult result;
  Progress progress(log);
  TimestepCheck timesteps(order);
  for (const std::string &dump : dumps) {
    io::DumpReader reader(dump);
    io::Frame frame;
    while (next_complete_frame(reader, frame, result, log)) {
      const long this_index = frames_read++;
      if (config.last_frame >= 0 && this_index > config.last_frame) return result;
      if (this_index < config.first_frame || (this_index - config.first_frame) % config.frame_every != 0) continue;
      const std::string where =
          dump + ": frame " + std::to_string(reader.frames_read()) + " (step " + std::to_string(frame.timestep) + ")";
      timesteps.check(frame.timestep, where);
      progress.frame(this_index, frame.timestep);
      take(this_index, frame, where);
      ++result.frames_analysed;
    }
  }
  return result;
}

// As read_frames_of_dumps; reading no frame at all is an error (tables with a header
// only and exit status 0 would pass for a result).
FrameLoopResult read_selected_frames(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                     std::ostream &log, TimestepOrder order,
                                     const std::function<void(long, io::Frame &, const std::string &)> &take)
{
  long frames_read = 0;
  FrameLoopResult result = read_frames_of_dumps(config, dumps, log, order, frames_read, take);
  if (result.frames_analysed > 0) return result;
  std::string names;
  for (const std::string &dump : dumps) names += (names.empty() ? "" : ", ") + dump;
  if (frames_read > 0)
    throw std::runtime_error("no frame analysed: the dumps (" + names + ") hold " + std::to_string(frames_read) +
                             " complete frames (indices 0 to " + std::to_string(frames_read - 1) +
                             "), the configuration " + config.source + " selects from frames.first = " +
                             std::to_string(config.first_frame));
  throw std::runtime_error("no frame analysed: the dumps (" + names + ") hold no complete frame" +
                           (result.warnings.empty() ? "" : " (see the warning above)"));
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

FrameLoopResult for_each_frame_parallel(
    const io::AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
    const std::function<FrameOutput(long, const io::Frame &, const core::OrthogonalBox &)> &work,
    const std::function<void(long, std::int64_t, FrameOutput &)> &emit, TimestepOrder order)
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
  FrameLoopResult result = read_selected_frames(config, dumps, log, order, [&](long index, io::Frame &frame,
                                                                               const std::string &where) {
    const core::OrthogonalBox box = orthogonal_box(frame, where);
    if (threads == 1) {
      FrameOutput output = naming_the_frame(where, [&]() { return work(index, frame, box); });
      emit(index, frame.timestep, output);
      return;
    }
    auto owned = std::make_shared<io::Frame>(std::move(frame));
    in_flight.push_back({index, owned->timestep, std::async(std::launch::async, [&work, index, owned, box, where]() {
                           return naming_the_frame(where, [&]() { return work(index, *owned, box); });
                         })});
    if (in_flight.size() >= threads) finish_oldest();
  });
  while (!in_flight.empty()) finish_oldest();
  return result;
}

FrameLoopResult for_each_frame(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               std::ostream &log,
                               const std::function<void(long, const io::Frame &, const core::OrthogonalBox &)> &visit,
                               TimestepOrder order)
{
  return read_selected_frames(config, dumps, log, order, [&](long index, io::Frame &frame, const std::string &where) {
    const core::OrthogonalBox box = orthogonal_box(frame, where);
    naming_the_frame(where, [&]() { visit(index, frame, box); });
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
