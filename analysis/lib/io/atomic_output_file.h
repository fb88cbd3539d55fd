// Every file exsolve-analyze writes goes through AtomicOutputFile. The text goes to a
// temporary file beside the final one (".<name>.partial-<pid>-<n>", same directory, so the
// rename cannot cross filesystems) and is renamed into place only when complete: a full
// disk, a quota, or a job killed at its wall-time limit leaves the old complete file or
// none, never a half table under the final name. Every write, the close and the rename are
// checked; a failure is an OutputError naming the final file and the system's reason.
#pragma once

#include "io/output_directory.h"

#include <fmt/format.h>

#include <iterator>
#include <string>
#include <string_view>
#include <utility>

namespace exsolve {
namespace io {

class AtomicOutputFile {
 public:
  // Creates the temporary file; throws OutputError "cannot create <path>: <reason>".
  explicit AtomicOutputFile(std::string path);
  // Not committed (an error on the way): the temporary file is removed.
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile &) = delete;
  AtomicOutputFile &operator=(const AtomicOutputFile &) = delete;

  template <class... Args>
  void print(fmt::format_string<Args...> format, Args &&...args)
  {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    if (buffer_.size() >= buffer_limit) write_buffer();
  }
  void write(std::string_view text);

  // Writes what is buffered, closes and renames into place; throws OutputError.
  void commit();

  const std::string &path() const { return path_; }
  // Where the text is until commit(), for a program that writes the file itself.
  const std::string &temporary_path() const { return temporary_path_; }

 private:
  // Large enough that the tables of a big run go out in few system calls.
  static constexpr std::size_t buffer_limit = 1 << 16;

  void write_buffer();
  void write_all(const char *data, std::size_t size);
  [[noreturn]] void fail(const char *what, int error_number);

  std::string path_, temporary_path_;
  int descriptor_ = -1;
  bool committed_ = false;
  fmt::memory_buffer buffer_;
};

// The whole of `text` as the file `path`, atomically (a JSON sidecar, a page, a script).
void write_file_atomically(const std::string &path, std::string_view text);

}  // namespace io
}  // namespace exsolve
