// The runs of one condition: a condition directory holds either one run (a run directory
// of the demo or the exsolution study, whose layout its caller knows: analyses/) or
// independent replicas of it, run with different seeds, in subdirectories replica-1,
// replica-2, ... replica-R.
#pragma once

#include <string>
#include <vector>

namespace exsolve {
namespace io {

inline constexpr char replica_prefix[] = "replica-";

// The run directories of the condition in `directory`: replica-1 ... replica-R in that
// order, or the directory itself when it has no replica-* entry. Throws std::runtime_error
// naming the directory or the entry when the directory cannot be read, a replica-* entry
// is not a directory called replica-<k> (k = 1, 2, ... without leading zeros), the
// numbers have a gap (replica-3 without replica-2), or the directory also holds a run's
// own files (`run_file`, a file every run directory holds, such as series.txt, beside
// replicas: which one would be meant?).
std::vector<std::string> replica_directories(const std::string &directory, const std::string &run_file);

}  // namespace io
}  // namespace exsolve
