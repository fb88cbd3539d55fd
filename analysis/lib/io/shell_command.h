// A shell command run as a child process with its standard output and error captured, so
// that what it produces (gnuplot's SVG) is written by exsolve-analyze's checked writer,
// not by a program that may not notice a full disk.
#pragma once

#include <string>

namespace exsolve {
namespace io {

struct CommandResult {
  std::string output, errors;  // stdout, stderr
  int exit_status = 0;         // 128 + N if ended by signal N
};

// Runs `sh -c command` with stdin from /dev/null and the termination signals unblocked in
// the child (io::handle_termination_signals blocks them in the tool). Throws
// std::runtime_error if the child cannot be started.
CommandResult run_shell_command(const std::string &command);

}  // namespace io
}  // namespace exsolve
