#include "io/atomic_output_file.h"

#include "io/pending_outputs.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <system_error>

namespace exsolve {
namespace io {

namespace {

// "<dir>/.<name>.partial-<pid>-<n>": hidden, recognisable, and unique among the files of
// this process (n) and of other processes writing into the same directory (pid).
std::string temporary_name(const std::string &path, unsigned long serial)
{
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return dir + "." + name + ".partial-" + std::to_string(getpid()) + "-" + std::to_string(serial);
}

std::string reason(int error_number)
{
  return std::system_category().message(error_number);
}

}  // namespace

AtomicOutputFile::AtomicOutputFile(std::string path) : path_(std::move(path))
{
  static std::atomic<unsigned long> serial{0};
  // A name left by a killed process with the same pid is skipped (O_EXCL), not reused.
  do {
    temporary_path_ = temporary_name(path_, serial++);
    descriptor_ = open_pending_output(temporary_path_, path_);
  } while (descriptor_ < 0 && errno == EEXIST);
  if (descriptor_ < 0) throw OutputError("cannot create " + path_ + ": " + reason(errno));
}

AtomicOutputFile::~AtomicOutputFile()
{
  if (committed_) return;
  if (descriptor_ >= 0) close(descriptor_);
  discard_pending_output(temporary_path_);
}

void AtomicOutputFile::write(std::string_view text)
{
  if (buffer_.size() + text.size() < buffer_limit) {
    buffer_.append(text.data(), text.data() + text.size());
    return;
  }
  write_buffer();
  write_all(text.data(), text.size());
}

void AtomicOutputFile::commit()
{
  write_buffer();
  const int descriptor = descriptor_;
  descriptor_ = -1;
  // Network filesystems report some write errors only at close.
  if (close(descriptor) != 0) fail("cannot write", errno);
  const int rename_error = move_pending_output_into_place(temporary_path_);
  if (rename_error != 0) fail("cannot move the finished file into place as", rename_error);
  committed_ = true;
}

void AtomicOutputFile::write_buffer()
{
  write_all(buffer_.data(), buffer_.size());
  buffer_.clear();
}

void AtomicOutputFile::write_all(const char *data, std::size_t size)
{
  while (size > 0) {
    const ssize_t written = ::write(descriptor_, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", errno);
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
}

void AtomicOutputFile::fail(const char *what, int error_number)
{
  throw OutputError(std::string(what) + " " + path_ + ": " + reason(error_number));
}

void write_file_atomically(const std::string &path, std::string_view text)
{
  AtomicOutputFile file(path);
  file.write(text);
  file.commit();
}

}  // namespace io
}  // namespace exsolve
