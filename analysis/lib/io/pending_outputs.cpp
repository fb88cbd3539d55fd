#include "io/pending_outputs.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

namespace exsolve {
namespace io {

namespace {

struct PendingOutputs {
  std::mutex lock;
  std::map<std::string, std::string> final_path_of;  // by temporary path
};

// Never destroyed: a signal during the process's exit still finds it.
PendingOutputs &pending()
{
  static PendingOutputs *outputs = new PendingOutputs;
  return *outputs;
}

sigset_t termination_signals()
{
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, signal_number);
  return signals;
}

const char *signal_name(int signal_number)
{
  switch (signal_number) {
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    default: return "SIGHUP";
  }
}

// Runs on its own thread: the clean-up is ordinary code (locks, strings), which a signal
// handler could not safely run.
[[noreturn]] void wait_for_termination(std::string tool)
{
  const sigset_t signals = termination_signals();
  int signal_number = 0;
  while (sigwait(&signals, &signal_number) != 0) {}
  PendingOutputs &outputs = pending();
  // Held until the process ends: no file is created or renamed into place after this.
  outputs.lock.lock();
  std::string unfinished;
  for (const auto &entry : outputs.final_path_of) {
    unlink(entry.first.c_str());
    unfinished += (unfinished.empty() ? "" : ", ") + entry.second;
  }
  std::string message = tool + ": stopped by " + signal_name(signal_number);
  if (unfinished.empty())
    message += " between output files; files already finished are kept, later ones were not written\n";
  else
    message += "; not finished (partial files removed): " + unfinished +
               "; files already finished are kept, later ones were not written\n";
  std::fputs(message.c_str(), stderr);
  std::fflush(stderr);
  std::signal(signal_number, SIG_DFL);
  sigset_t this_one;
  sigemptyset(&this_one);
  sigaddset(&this_one, signal_number);
  pthread_sigmask(SIG_UNBLOCK, &this_one, nullptr);
  raise(signal_number);
  _exit(128 + signal_number);  // only if the signal's default action did not end the process
}

}  // namespace

int open_pending_output(const std::string &temporary_path, const std::string &final_path)
{
  PendingOutputs &outputs = pending();
  std::lock_guard<std::mutex> guard(outputs.lock);
  const int descriptor = open(temporary_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (descriptor >= 0) outputs.final_path_of[temporary_path] = final_path;
  return descriptor;
}

void discard_pending_output(const std::string &temporary_path)
{
  PendingOutputs &outputs = pending();
  std::lock_guard<std::mutex> guard(outputs.lock);
  if (outputs.final_path_of.erase(temporary_path)) unlink(temporary_path.c_str());
}

int move_pending_output_into_place(const std::string &temporary_path)
{
  PendingOutputs &outputs = pending();
  std::lock_guard<std::mutex> guard(outputs.lock);
  const auto entry = outputs.final_path_of.find(temporary_path);
  int error_number = 0;
  if (std::rename(temporary_path.c_str(), entry->second.c_str()) != 0) {
    error_number = errno;
    unlink(temporary_path.c_str());
  }
  outputs.final_path_of.erase(entry);
  return error_number;
}

void handle_termination_signals(const std::string &tool)
{
  std::signal(SIGXFSZ, SIG_IGN);
  const sigset_t signals = termination_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread(wait_for_termination, tool).detach();
}

}  // namespace io
}  // namespace exsolve
