// The runs of one condition: a condition directory holds either one run (the files of a
// demo run directory, io/demo_run_files.h) or independent replicas of it, run with
// different seeds, in subdirectories replica-1, replica-2, ... replica-R.
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
// own files (series.txt beside replicas: which one would be meant?).
std::vector<std::string> replica_directories(const std::string &directory);

}  // namespace io
}  // namespace exsolve
