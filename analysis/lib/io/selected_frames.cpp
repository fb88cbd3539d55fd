#include "io/selected_frames.h"

#include "io/dump_reader.h"

#include <stdexcept>
#include <unistd.h>

namespace exsolve {
namespace io {

namespace {

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

// Reads the next frame; false at the end of the dump or, with a warning, on a frame cut
// short there.
bool next_complete_frame(DumpReader &reader, Frame &frame, FramesRead &result, std::ostream &log)
{
  try {
    return reader.next(frame);
  } catch (const TruncatedFrame &e) {
    result.warnings.push_back(std::string("skipped: ") + e.what());
    log << "exsolve-analyze: warning: " << e.what() << "; skipping it\n";
    return false;
  }
}

// Reads the selected frames of all dumps in order and hands each to `take`; stops early
// after config.last_frame. `frames_read` counts the complete frames read.
FramesRead read_frames_of_dumps(const AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
                                TimestepOrder order, long &frames_read,
                                const std::function<void(long, Frame &, const std::string &)> &take)
{
  FramesRead result;
  Progress progress(log);
  TimestepCheck timesteps(order);
  for (const std::string &dump : dumps) {
    DumpReader reader(dump);
    Frame frame;
    while (next_complete_frame(reader, frame, result, log)) {
      const long this_index = frames_read++;
      if (config.last_frame >= 0 && this_index > config.last_frame) return result;
      if (this_index < config.first_frame || (this_index - config.first_frame) % config.frame_every != 0) continue;
      const std::string where =
          dump + ": frame " + std::to_string(reader.frames_read()) + " (step " + std::to_string(frame.timestep) + ")";
      timesteps.check(frame.timestep, where);
      progress.frame(this_index, frame.timestep);
      take(this_index, frame, where);
      ++result.frames_selected;
    }
  }
  return result;
}

}  // namespace

// Reading no frame at all is an error: tables with a header only and exit status 0 would
// pass for a result.
FramesRead read_selected_frames(const AnalysisConfig &config, const std::vector<std::string> &dumps, std::ostream &log,
                                TimestepOrder order,
                                const std::function<void(long, Frame &, const std::string &)> &take)
{
  long frames_read = 0;
  FramesRead result = read_frames_of_dumps(config, dumps, log, order, frames_read, take);
  if (result.frames_selected > 0) return result;
  std::string names;
  for (const std::string &dump : dumps) names += (names.empty() ? "" : ", ") + dump;
  if (frames_read > 0)
    throw std::runtime_error("no frame analysed: the dumps (" + names + ") hold " + std::to_string(frames_read) +
                             " complete frames (indices 0 to " + std::to_string(frames_read - 1) +
                             "), the configuration " + config.source +
                             " selects from frames.first = " + std::to_string(config.first_frame));
  throw std::runtime_error("no frame analysed: the dumps (" + names + ") hold no complete frame" +
                           (result.warnings.empty() ? "" : " (see the warning above)"));
}

}  // namespace io
}  // namespace exsolve
