#include "event_file.h"

#include "comm.h"
#include "error.h"
#include "update.h"
#include "utils.h"

#include <climits>
#include <cstdlib>
#include <fstream>
#include <mpi.h>
#include <set>
#include <sstream>
#include <sys/stat.h>

namespace exsolve {

namespace {

// Event files open in this process, by canonical path (rank 0 only).
std::set<std::string> &open_event_files()
{
  static std::set<std::string> paths;
  return paths;
}

// The path with its directory resolved (the file itself may not exist yet). The plugin
// is C++14: no std::filesystem.
std::string canonical_path(const std::string &path)
{
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  char resolved[PATH_MAX];
  if (!realpath(dir.c_str(), resolved)) return path;
  return std::string(resolved) + "/" + name;
}

bool is_directory(const std::string &path)
{
  struct stat status;
  return stat(path.c_str(), &status) == 0 && S_ISDIR(status.st_mode);
}

}  // namespace

EventFile::~EventFile()
{
  if (file_) fclose(file_);
  if (!canonical_path_.empty()) open_event_files().erase(canonical_path_);
}

void EventFile::open(const std::string &style, const std::string &path, bool overwrite, bool restarted,
                     const std::string &header)
{
  // error->one would abort before the message reaches a piped screen: share the outcome.
  enum { OPENED, EXISTS, FAILED, DIRECTORY, IN_USE, WRITE_FAILED };
  int status = OPENED;
  std::string reason;
  if (comm->me == 0) {
    const std::string canonical = canonical_path(path);
    const bool exists = std::ifstream(path).good();
    if (is_directory(path)) {
      status = DIRECTORY;
    } else if (open_event_files().count(canonical)) {
      status = IN_USE;
    } else if (restarted && exists) {
      // Keep the lines up to the restart step (the current step): events after it were
      // written by a run that is now being redone, and would otherwise appear twice.
      std::ifstream in(path);
      std::ostringstream kept;
      std::string line;
      while (std::getline(in, line)) {
        LAMMPS_NS::bigint step = 0;
        if (line.empty() || line[0] == '#' || (std::istringstream(line) >> step && step <= update->ntimestep))
          kept << line << '\n';
      }
      in.close();
      std::ofstream out(path, std::ios::trunc);
      out << kept.str();
      out.close();
      if (!out) {
        status = WRITE_FAILED;
        reason = LAMMPS_NS::utils::getsyserror();
      }
    } else if (exists && !overwrite) {
      status = EXISTS;
    }
    if (status == OPENED) {
      const bool write_header = !(restarted && exists);
      file_ = fopen(path.c_str(), write_header ? "w" : "a");
      if (!file_) {
        status = FAILED;
        reason = LAMMPS_NS::utils::getsyserror();
      } else {
        canonical_path_ = canonical;
        open_event_files().insert(canonical);
        if (write_header && (fputs(header.c_str(), file_) == EOF || fflush(file_) != 0)) {
          status = WRITE_FAILED;
          reason = LAMMPS_NS::utils::getsyserror();
        }
      }
    }
  }
  MPI_Bcast(&status, 1, MPI_INT, 0, world);
  if (status == EXISTS)
    error->all(FLERR, "{}: event file '{}' exists; remove it, choose another name, or add 'overwrite yes'", style,
               path);
  if (status == DIRECTORY) error->all(FLERR, "{}: event file '{}' is a directory; give a file name", style, path);
  if (status == IN_USE)
    error->all(FLERR, "{}: event file '{}' is already written by another exsolve fix; give each fix its own file",
               style, path);
  if (status == FAILED)
    error->all(FLERR, "{}: cannot open event file '{}' for writing{}", style, path,
               comm->me == 0 ? ": " + reason : std::string());
  if (status == WRITE_FAILED)
    error->all(FLERR, "{}: cannot write event file '{}'{}", style, path, comm->me == 0 ? ": " + reason : std::string());
  style_ = style;
  path_ = path;
  ready_ = true;
}

void EventFile::write(const std::string &text)
{
  if (!file_ || !failure_.empty()) return;
  if (fwrite(text.data(), 1, text.size(), file_) != text.size()) failure_ = LAMMPS_NS::utils::getsyserror();
}

void EventFile::flush()
{
  if (!ready_) return;
  int failed = 0;
  if (file_) {
    if (failure_.empty() && fflush(file_) != 0) failure_ = LAMMPS_NS::utils::getsyserror();
    failed = failure_.empty() ? 0 : 1;
  }
  MPI_Bcast(&failed, 1, MPI_INT, 0, world);
  if (failed)
    error->all(FLERR,
               "{}: cannot write event file '{}'{} (the run stops: its record of events would be "
               "incomplete)",
               style_, path_, comm->me == 0 ? ": " + failure_ : std::string());
}

}  // namespace exsolve
