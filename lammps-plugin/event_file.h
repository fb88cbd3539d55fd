// The event files of exsolve's fixes: plain text with a header, one line per event that
// starts with the timestep, flushed after every invocation. Never overwritten unless the
// user said so; after read_restart the existing file is kept up to the restart step and
// continued, so that a job restarted from an earlier restart file neither loses nor
// duplicates lines. Two event files of the process may not be the same file (each would
// truncate or interleave the other's lines). Rank 0 owns the file; errors are raised on
// every rank. A failed write (a full disk, a quota, a file-size limit) stops the run with an
// error naming the file at the next flush: the record of the events must not be lost
// silently.
#pragma once

#include "pointers.h"

#include <cstdio>
#include <string>

namespace exsolve {

class EventFile : protected LAMMPS_NS::Pointers {
 public:
  explicit EventFile(LAMMPS_NS::LAMMPS *lmp) : Pointers(lmp) {}
  ~EventFile();
  // style: the fix style for messages; header: lines starting with '#', each ending in '\n'.
  void open(const std::string &style, const std::string &path, bool overwrite, bool restarted,
            const std::string &header);
  bool is_open() const { return ready_; }
  bool writes_here() const { return file_ != nullptr; }  // rank 0 of an open file
  // Appends `text` (whole lines) on the rank that writes; a failure is remembered for flush().
  void write(const std::string &text);
  // On every rank, together: writes out what is buffered and ends the run with an error
  // naming the file if this or any earlier write failed (the outcome is broadcast from
  // rank 0, so that all ranks stop together instead of waiting for rank 0).
  void flush();

 private:
  FILE *file_ = nullptr;
  std::string style_, path_;
  std::string failure_;         // the first failed write's reason (rank 0)
  std::string canonical_path_;  // as registered among the process's open event files
  bool ready_ = false;
};

}  // namespace exsolve
