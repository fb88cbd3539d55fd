// Per-atom state (particle ID now, last particle ID; they migrate with their atoms and
// are kept in restart files), global restart state and the communication callbacks of fix
// nanoparticle/track.
#include "fix_nanoparticle_track.h"

#include "restart_state.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "memory.h"

#include <exception>

using namespace LAMMPS_NS;

// ---- per-atom state ----

double FixNanoparticleTrack::memory_usage()
{
  // Per-atom state, and the identification's scratch (which lives between calls).
  return static_cast<double>(atom->nmax) * PER_ATOM_VALUES * sizeof(double) + labeller_->memory_usage() +
         measurement_.memory_usage() + static_cast<double>(numbering_.cluster_of_member.capacity()) * sizeof(int);
}

void FixNanoparticleTrack::grow_arrays(int nmax)
{
  memory->grow(particle_of_atom_, nmax, "nanoparticle/track:particle_of_atom");
  memory->grow(last_particle_, nmax, "nanoparticle/track:last_particle");
  vector_atom = particle_of_atom_;
}

void FixNanoparticleTrack::copy_arrays(int i, int j, int)
{
  particle_of_atom_[j] = particle_of_atom_[i];
  last_particle_[j] = last_particle_[i];
}

void FixNanoparticleTrack::set_arrays(int i)
{
  particle_of_atom_[i] = last_particle_[i] = 0.0;
}

int FixNanoparticleTrack::pack_exchange(int i, double *buf)
{
  buf[0] = particle_of_atom_[i];
  buf[1] = last_particle_[i];
  return PER_ATOM_VALUES;
}

int FixNanoparticleTrack::unpack_exchange(int nlocal, double *buf)
{
  particle_of_atom_[nlocal] = buf[0];
  last_particle_[nlocal] = buf[1];
  return PER_ATOM_VALUES;
}

int FixNanoparticleTrack::pack_restart(int i, double *buf)
{
  buf[0] = PER_ATOM_VALUES + 1;  // LAMMPS convention: first value is the count including itself
  buf[1] = particle_of_atom_[i];
  buf[2] = last_particle_[i];
  return PER_ATOM_VALUES + 1;
}

void FixNanoparticleTrack::unpack_restart(int nlocal, int nth)
{
  double **extra = atom->extra;
  int m = 0;
  for (int i = 0; i < nth; ++i) m += static_cast<int>(extra[nlocal][m]);
  particle_of_atom_[nlocal] = extra[nlocal][m + 1];
  last_particle_[nlocal] = extra[nlocal][m + 2];
}

int FixNanoparticleTrack::size_restart(int)
{
  return PER_ATOM_VALUES + 1;
}

int FixNanoparticleTrack::maxsize_restart()
{
  return PER_ATOM_VALUES + 1;
}

int FixNanoparticleTrack::pack_forward_comm(int n, int *list, double *buf, int, int *)
{
  return labeller_->pack_forward(n, list, buf);
}

void FixNanoparticleTrack::unpack_forward_comm(int n, int first, double *buf)
{
  labeller_->unpack_forward(n, first, buf);
}

int FixNanoparticleTrack::pack_reverse_comm(int n, int first, double *buf)
{
  return labeller_->pack_reverse(n, first, buf);
}

void FixNanoparticleTrack::unpack_reverse_comm(int n, int *list, double *buf)
{
  labeller_->unpack_reverse(n, list, buf);
}

// ---- global state in restart files (ParticleTable's layout) ----

void FixNanoparticleTrack::write_restart(FILE *fp)
{
  exsolve::write_restart_state(fp, particles_.restart_state(), comm->me);
}

void FixNanoparticleTrack::restart(char *buf)
{
  try {
    particles_.read_restart_state(reinterpret_cast<const double *>(buf));
  } catch (const std::exception &e) {
    error->all(FLERR, "fix nanoparticle/track: restart file holds an inconsistent particle table: {}", e.what());
  }
  size_array_rows = static_cast<int>(particles_.size());
  restarted_ = true;
}
