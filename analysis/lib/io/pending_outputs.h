// The output files being written right now (the temporary files of AtomicOutputFile), so
// that a termination signal can say which outputs were not finished and remove their
// temporary files. Creating, discarding and renaming a temporary file happen under the
// same lock as the signal's clean-up: a file is either still pending (and removed) or
// already under its final name (and complete).
#pragma once

#include <string>

namespace exsolve {
namespace io {

// Creates `temporary_path` exclusively (mode 0666 less the umask, as a plain open would
// give the final file) and records it as the future `final_path`. Returns the descriptor,
// or -1 with errno set.
int open_pending_output(const std::string &temporary_path, const std::string &final_path);

// Removes the temporary file and forgets it.
void discard_pending_output(const std::string &temporary_path);

// Renames the temporary file onto its final path and forgets it. Returns 0 or the errno
// of the failed rename (the temporary file is then removed).
int move_pending_output_into_place(const std::string &temporary_path);

// From now on SIGTERM, SIGINT and SIGHUP end the process after removing the temporary
// files and telling on stderr which outputs were not finished ("<tool>: stopped by
// SIGTERM; ..."); the exit is by the same signal, as a caller of the tool expects. Call in
// main before any other thread starts (threads inherit the blocked signals; one thread
// waits for them). Also ignores SIGXFSZ, so that a file-size limit (ulimit -f) is a write
// error naming the file instead of a silent death.
void handle_termination_signals(const std::string &tool);

}  // namespace io
}  // namespace exsolve
