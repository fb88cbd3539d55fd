#include "event_file.h"

#include "comm.h"
#include "error.h"
#include "update.h"
#include "utils.h"

#include <fstream>
#include <mpi.h>
#include <sstream>

namespace exsolve {

EventFile::~EventFile()
{
  if (file_) fclose(file_);
}

void EventFile::open(const std::string &style, const std::string &path, bool overwrite, bool restarted,
                     const std::string &header)
{
  // error->one would abort before the message reaches a piped screen: share the outcome.
  enum { OPENED, EXISTS, FAILED };
  int status = OPENED;
  std::string reason;
  if (comm->me == 0) {
    const bool exists = std::ifstream(path).good();
    if (restarted && exists) {
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
      std::ofstream(path, std::ios::trunc) << kept.str();
    } else if (exists && !overwrite) {
      status = EXISTS;
    }
    if (status == OPENED) {
      const bool write_header = !(restarted && exists);
      file_ = fopen(path.c_str(), write_header ? "w" : "a");
      if (!file_) {
        status = FAILED;
        reason = LAMMPS_NS::utils::getsyserror();
      } else if (write_header) {
        fputs(header.c_str(), file_);
        fflush(file_);
      }
    }
  }
  MPI_Bcast(&status, 1, MPI_INT, 0, world);
  if (status == EXISTS)
    error->all(FLERR, "{}: event file '{}' exists; remove it, choose another name, or add 'overwrite yes'", style,
               path);
  if (status == FAILED)
    error->all(FLERR, "{}: cannot open event file '{}' for writing{}", style, path,
               comm->me == 0 ? ": " + reason : std::string());
  ready_ = true;
}

void EventFile::flush()
{
  if (file_) fflush(file_);
}

}  // namespace exsolve
