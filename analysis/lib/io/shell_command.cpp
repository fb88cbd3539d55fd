#include "io/shell_command.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace exsolve {
namespace io {

namespace {

// Reads stdout and stderr together until both end: reading one to its end first could
// leave the child blocked on a full pipe of the other.
void read_both(int output_fd, int errors_fd, CommandResult &result)
{
  pollfd fds[2] = {{output_fd, POLLIN, 0}, {errors_fd, POLLIN, 0}};
  std::string *targets[2] = {&result.output, &result.errors};
  int open_count = 2;
  char chunk[1 << 16];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("waiting for a child process: " + std::system_category().message(errno));
    }
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t got = read(fds[k].fd, chunk, sizeof chunk);
      if (got < 0 && errno == EINTR) continue;
      if (got > 0) {
        targets[k]->append(chunk, static_cast<std::size_t>(got));
      } else {
        close(fds[k].fd);
        fds[k].fd = -1;
        --open_count;
      }
    }
  }
}

}  // namespace

CommandResult run_shell_command(const std::string &command)
{
  int output_pipe[2], errors_pipe[2];
  if (pipe2(output_pipe, O_CLOEXEC) != 0) throw std::runtime_error("cannot create a pipe for: " + command);
  if (pipe2(errors_pipe, O_CLOEXEC) != 0) {
    close(output_pipe[0]);
    close(output_pipe[1]);
    throw std::runtime_error("cannot create a pipe for: " + command);
  }
  const pid_t child = fork();
  if (child == 0) {
    // Only async-signal-safe calls between fork and exec (the parent has threads).
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGXFSZ, SIG_DFL);
    const int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(output_pipe[1], 1) < 0 || dup2(errors_pipe[1], 2) < 0) _exit(127);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char *>(nullptr));
    _exit(127);
  }
  close(output_pipe[1]);
  close(errors_pipe[1]);
  if (child < 0) {
    close(output_pipe[0]);
    close(errors_pipe[0]);
    throw std::runtime_error("cannot start: " + command);
  }
  CommandResult result;
  read_both(output_pipe[0], errors_pipe[0], result);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace io
}  // namespace exsolve
