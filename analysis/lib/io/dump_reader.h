// Streaming reader for LAMMPS text dumps (dump atom and dump custom, any column order,
// orthogonal or triclinic boxes), plain or gzip-compressed: one frame in memory at a time.
// Atom counts may change between frames and atom IDs may be unsorted or have gaps, as in
// runs that delete atoms and in parallel dumps.
#pragma once

#include "io/frame.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace io {

// A malformed dump: the message names the file, the frame (1-based) and the line.
class DumpError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The file ends inside a frame (typically the last frame of a killed job): the end of file,
// a last line without its newline, a gzip stream cut short or corrupt. Callers may skip
// that frame with a warning; a malformed frame elsewhere is a DumpError.
class TruncatedFrame : public DumpError {
 public:
  using DumpError::DumpError;
};

class DumpReader {
 public:
  explicit DumpReader(const std::string &path);  // throws DumpError if it cannot be opened
  ~DumpReader();
  DumpReader(const DumpReader &) = delete;
  DumpReader &operator=(const DumpReader &) = delete;

  // Reads the next frame; false at the end of the file (after the last complete frame).
  bool next(Frame &frame);
  const std::string &path() const { return path_; }
  int frames_read() const { return frames_read_; }

 private:
  class LineSource;
  bool read_line(std::string &line);
  [[noreturn]] void fail(const std::string &what) const;
  [[noreturn]] void truncated(const std::string &what) const;
  std::string expect_item(const std::string &item);
  void read_box(const std::string &header, Box &box);
  void read_atoms(const std::string &header, std::int64_t natoms, Frame &frame);
  // A DumpError naming the atom ID that appears twice in the frame just read, and its lines.
  void check_unique_ids(const std::vector<std::int64_t> &ids);

  std::string path_;
  std::unique_ptr<LineSource> source_;
  long line_number_ = 0;
  int frames_read_ = 0;
  std::vector<char> seen_ids_;  // scratch of check_unique_ids
};

// Complete frames decoded so far by every DumpReader of this process, on any thread: lets a
// test check that a pass over the dumps decodes each frame once, however many analyses
// read it (decoding is most of the time of a light analysis).
long frames_decoded();

}  // namespace io
}  // namespace exsolve
