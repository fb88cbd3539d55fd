#include "report/frame_loop.h"

#include "io/dump_reader.h"

#include <set>
#include <stdexcept>

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

}  // namespace

FrameLoopResult for_each_frame(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                               std::ostream &log,
                               const std::function<void(long, const io::Frame &, const core::OrthogonalBox &)> &visit)
{
  FrameLoopResult result;
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
      visit(this_index, frame, orthogonal_box(frame, dump));
      ++result.frames_analysed;
    }
  }
  return result;
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
