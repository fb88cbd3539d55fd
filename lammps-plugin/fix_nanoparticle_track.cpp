// Arguments, life cycle, outputs, per-atom state and restart of fix nanoparticle/track.
// One tracking step (clusters, linking, geometry) is in nanoparticle_track_step.cpp.
#include "fix_nanoparticle_track.h"

#include "compat.h"
#include "lammps_box.h"
#include "numeric_argument.h"
#include "restart_state.h"

#include "atom.h"
#include "atom_masks.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "group.h"
#include "memory.h"
#include "neighbor.h"
#include "update.h"
#include "utils.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstring>
#include <mpi.h>
#include <set>
#include <string>

using namespace LAMMPS_NS;
using namespace FixConst;

static constexpr const char *SYNTAX =
    "fix ID group nanoparticle/track N cutoff <Å> [min_size <atoms>] [axis x|y|z] "
    "[file <events file>] [overwrite yes|no]";
static constexpr int N_VECTOR = 8;
static constexpr int N_ARRAY_COLUMNS = 9;
// Per atom: particle ID now, last particle ID.
static constexpr int N_PER_ATOM = 2;

FixNanoparticleTrack::FixNanoparticleTrack(LAMMPS *lmp, int narg, char **arg) : Fix(lmp, narg, arg), events_(lmp)
{
  parse_options(narg, arg);
  cutoff_sq_ = options_.cutoff * options_.cutoff;
  nevery = options_.every;

  vector_flag = 1;
  size_vector = N_VECTOR;
  extvector = 0;
  array_flag = 1;
  size_array_cols = N_ARRAY_COLUMNS;
  size_array_rows = 0;
  size_array_rows_variable = 1;
  extarray = 0;
  global_freq = nevery;
  peratom_flag = 1;
  size_peratom_cols = 0;
  peratom_freq = nevery;
  restart_global = 1;
  restart_peratom = 1;
  create_attribute = 1;
  comm_forward = 1;
  comm_reverse = 1;
  // In Kokkos runs: the fix reads atom data but never changes it.
  datamask_modify = EMPTY_MASK;
  maxexchange = N_PER_ATOM;

  grow_arrays(atom->nmax);
  atom->add_callback(Atom::GROW);
  atom->add_callback(Atom::RESTART);
  for (int i = 0; i < atom->nlocal; ++i) particle_of_atom_[i] = last_particle_[i] = 0.0;
}

FixNanoparticleTrack::~FixNanoparticleTrack()
{
  atom->delete_callback(id, Atom::GROW);
  atom->delete_callback(id, Atom::RESTART);
  memory->destroy(particle_of_atom_);
  memory->destroy(last_particle_);
  memory->destroy(label_);
}

void FixNanoparticleTrack::parse_options(int narg, char **arg)
{
  if (narg < 6) error->all(FLERR, "fix nanoparticle/track: too few arguments; expected {}", SYNTAX);
  if (!utils::is_integer(arg[3]))
    error->all(FLERR, "fix nanoparticle/track: N (every how many steps) must be an integer >= 1, got '{}'", arg[3]);
  long long every = 0;
  if (!exsolve::integer_in_range(arg[3], 1, std::numeric_limits<int>::max(), every))
    error->all(FLERR, "fix nanoparticle/track: N (every how many steps) must be >= 1 and <= {}, got {}",
               std::numeric_limits<int>::max(), arg[3]);
  options_.every = static_cast<int>(every);

  bool cutoff_given = false;
  std::set<std::string> given;  // no keyword is repeatable: a second value would silently win
  for (int iarg = 4; iarg < narg; iarg += 2) {
    const std::string keyword = arg[iarg];
    if (iarg + 1 >= narg)
      error->all(FLERR, "fix nanoparticle/track: keyword {} needs a value; expected {}", keyword, SYNTAX);
    const char *value = arg[iarg + 1];
    if (!given.insert(keyword).second)
      error->all(FLERR, "fix nanoparticle/track: keyword {} is given twice (the second time as '{}')", keyword, value);
    if (keyword == "cutoff") {
      if (!exsolve::core::parse_finite_number(value, options_.cutoff))
        error->all(FLERR, exsolve::finite_number_expected("fix nanoparticle/track", "cutoff", "a distance in Å", value));
      if (options_.cutoff <= 0.0) error->all(FLERR, "fix nanoparticle/track: cutoff must be > 0 Å, got {}", value);
      cutoff_given = true;
    } else if (keyword == "min_size") {
      long long min_size = 0;
      if (!exsolve::integer_in_range(value, 1, std::numeric_limits<long>::max(), min_size))
        error->all(FLERR, "fix nanoparticle/track: min_size expects a number of atoms >= 1, got '{}'", value);
      options_.min_size = static_cast<long>(min_size);
    } else if (keyword == "axis") {
      const std::string axis = value;
      if (axis == "x") options_.height_axis = 0;
      else if (axis == "y") options_.height_axis = 1;
      else if (axis == "z") options_.height_axis = 2;
      else error->all(FLERR, "fix nanoparticle/track: axis expects x, y or z, got '{}'", value);
    } else if (keyword == "file") {
      options_.event_file = value;
    } else if (keyword == "overwrite") {
      const std::string answer = value;
      if (answer != "yes" && answer != "no")
        error->all(FLERR, "fix nanoparticle/track: overwrite expects yes or no, got '{}'", value);
      options_.overwrite = answer == "yes";
    } else {
      error->all(FLERR, "fix nanoparticle/track: unknown keyword '{}'; expected {}", keyword, SYNTAX);
    }
  }
  if (!cutoff_given) error->all(FLERR, "fix nanoparticle/track: missing keyword cutoff; expected {}", SYNTAX);
  if (given.count("overwrite") && options_.event_file.empty())
    error->all(FLERR, "fix nanoparticle/track: overwrite {} needs the keyword file (there is no event file to "
               "overwrite)", options_.overwrite ? "yes" : "no");
  // Clusters are labelled by their smallest atom ID.
  if (!atom->tag_enable)
    error->all(FLERR, "fix nanoparticle/track: needs atom IDs (remove 'atom_modify id no')");
}

int FixNanoparticleTrack::setmask()
{
  return END_OF_STEP;
}

void FixNanoparticleTrack::init()
{
  // The box may have changed shape and communication settings since the fix was defined.
  if (domain->triclinic)
    error->all(FLERR, "fix nanoparticle/track: triclinic boxes are not supported yet");
  if (comm->mode != Comm::SINGLE)
    error->all(FLERR, "fix nanoparticle/track: needs 'comm_modify mode single' (the ghost cutoff "
               "of mode multi may not reach the cluster cutoff)");
  if (sizeof(tagint) > 4) {
    // Labels and particle IDs travel as doubles: atom IDs must stay exact.
    tagint local_max = 0, max_tag = 0;
    for (int i = 0; i < atom->nlocal; ++i) local_max = std::max(local_max, atom->tag[i]);
    MPI_Allreduce(&local_max, &max_tag, 1, MPI_LMP_TAGINT, MPI_MAX, world);
    if (static_cast<double>(max_tag) > 9007199254740992.0)
      error->all(FLERR, "fix nanoparticle/track: atom IDs above 2^53 are not supported");
  }
  exsolve::require_box_for_cutoff(lmp, "fix nanoparticle/track", options_.cutoff);
  const double list_cutoff = options_.cutoff + neighbor->skin;
  const double ghost_cutoff = exsolve::compat::ghost_cutoff(lmp);
  if (list_cutoff > ghost_cutoff)
    error->all(FLERR, "fix nanoparticle/track: cutoff {} Å plus neighbor skin {} Å exceeds the ghost-atom "
               "cutoff {} Å; add 'comm_modify cutoff {}' (or larger) before the run",
               options_.cutoff, neighbor->skin, ghost_cutoff, list_cutoff);
  if (neighbor->includegroup) {
    // Neighbor lists then hold only the include group's atoms: any other group atom would
    // be a free atom whatever its surroundings.
    const int includebit = group->bitmask[neighbor->includegroup];
    int outside = 0, any_outside = 0;
    for (int i = 0; i < atom->nlocal; ++i)
      if ((atom->mask[i] & groupbit) && !(atom->mask[i] & includebit)) outside = 1;
    MPI_Allreduce(&outside, &any_outside, 1, MPI_INT, MPI_MAX, world);
    if (any_outside)
      error->all(FLERR, "fix nanoparticle/track: group {} has atoms outside the 'neigh_modify include' group {}, "
                 "which alone get neighbor lists", group->names[igroup], group->names[neighbor->includegroup]);
  }
  exsolve::compat::request_occasional_full_list(neighbor, this, instance_me, list_cutoff);
  first_build_of_run_ = true;
  reset_non_group_ = true;
  warned_wrapping_particle_ = false;
  if (!options_.event_file.empty() && !events_.is_open()) open_event_file();
}

void FixNanoparticleTrack::init_list(int, NeighList *ptr)
{
  list_ = ptr;
}

void FixNanoparticleTrack::setup(int)
{
  // Track at the start of every run on a step that is a multiple of N, even if it was
  // tracked before (end of the previous run, or the step a restart file was written):
  // atoms may have been moved, created or deleted in between. On an unchanged
  // configuration this finds the same particles and no events.
  if (update->ntimestep % nevery == 0) track();
}

void FixNanoparticleTrack::end_of_step()
{
  track();
}

exsolve::core::OrthogonalBox FixNanoparticleTrack::current_box() const
{
  return exsolve::box_of(domain);
}

double FixNanoparticleTrack::compute_vector(int n)
{
  const double living = static_cast<double>(particles_.size());
  switch (n) {
    case 0: return living;
    case 1: {
      double atoms = 0.0;
      for (const auto &p : particles_) atoms += p.second.atoms;
      return living > 0 ? atoms / living : 0.0;
    }
    case 2: return counters_[BIRTHS];
    case 3: return counters_[MERGES];
    case 4: return counters_[SPLITS];
    case 5: return counters_[DEATHS];
    case 6: return counters_[EXCHANGED];
    case 7: {
      double sum = 0.0;
      for (const auto &p : particles_)
        for (int k = 0; k < 3; ++k) {
          const double d = p.second.unwrapped_com[k] - p.second.birth_com[k];
          sum += d * d;
        }
      return living > 0 ? sum / living : 0.0;
    }
    default: return 0.0;
  }
}

double FixNanoparticleTrack::compute_array(int row, int column)
{
  if (row < 0 || row >= static_cast<int>(particles_.size())) return 0.0;
  auto it = particles_.begin();
  std::advance(it, row);
  const Particle &p = it->second;
  switch (column) {
    case 0: return static_cast<double>(it->first);
    case 1: return static_cast<double>(p.atoms);
    case 2: case 3: case 4: return p.unwrapped_com[column - 2];
    case 5: {
      double sq = 0.0;
      for (int k = 0; k < 3; ++k) sq += std::pow(p.unwrapped_com[k] - p.birth_com[k], 2);
      return std::sqrt(sq);
    }
    case 6: return p.radius_of_gyration;
    case 7: return static_cast<double>(p.birth_step);
    case 8: return p.height;
    default: return 0.0;
  }
}

// ---- per-atom state ----

double FixNanoparticleTrack::memory_usage()
{
  // Per-atom state, labels, and the identification's scratch (which lives between calls).
  return static_cast<double>(atom->nmax) * N_PER_ATOM * sizeof(double) + nmax_labels_ * sizeof(double) +
         static_cast<double>(component_parent_.capacity() + cluster_of_root_.capacity() + group_members_.capacity() +
                             local_group_.capacity() + cluster_of_member_.capacity()) * sizeof(int) +
         static_cast<double>(component_min_.capacity()) * sizeof(double) + ghost_connected_.capacity() +
         static_cast<double>(parts_.capacity()) * sizeof(ClusterPart);
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
  return N_PER_ATOM;
}

int FixNanoparticleTrack::unpack_exchange(int nlocal, double *buf)
{
  particle_of_atom_[nlocal] = buf[0];
  last_particle_[nlocal] = buf[1];
  return N_PER_ATOM;
}

int FixNanoparticleTrack::pack_restart(int i, double *buf)
{
  buf[0] = N_PER_ATOM + 1;  // LAMMPS convention: first value is the count including itself
  buf[1] = particle_of_atom_[i];
  buf[2] = last_particle_[i];
  return N_PER_ATOM + 1;
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
  return N_PER_ATOM + 1;
}

int FixNanoparticleTrack::maxsize_restart()
{
  return N_PER_ATOM + 1;
}

int FixNanoparticleTrack::pack_forward_comm(int n, int *list, double *buf, int, int *)
{
  for (int k = 0; k < n; ++k) buf[k] = label_[list[k]];
  return n;
}

void FixNanoparticleTrack::unpack_forward_comm(int n, int first, double *buf)
{
  for (int k = 0; k < n; ++k) label_[first + k] = buf[k];
}

int FixNanoparticleTrack::pack_reverse_comm(int n, int first, double *buf)
{
  // A ghost no local atom of this rank is bonded to still holds its owner's label of the
  // last forward communication: it carries no news, send infinity (ignored by the owner).
  const int *mask = atom->mask;
  for (int k = 0; k < n; ++k) {
    const int i = first + k;
    buf[k] = (mask[i] & groupbit) && ghost_connected_[i] ? label_[i] : std::numeric_limits<double>::infinity();
  }
  return n;
}

void FixNanoparticleTrack::unpack_reverse_comm(int n, int *list, double *buf)
{
  // A ghost's label may have been lowered on another rank: the owner takes the smaller.
  // Any disagreement means another round is needed (see label_clusters).
  // The receiver may itself be a ghost (a corner ghost's value relayed through an edge ghost
  // in a later swap): it must then pass the value on, so it is marked as carrying news.
  const int nlocal = atom->nlocal;
  for (int k = 0; k < n; ++k) {
    if (std::isinf(buf[k])) continue;
    const int i = list[k];
    double &owned = label_[i];
    if (buf[k] != owned) ghost_disagreed_ = true;
    owned = std::min(owned, buf[k]);
    if (i >= nlocal) ghost_connected_[i] = 1;
  }
}

// ---- global state in restart files ----
// Layout: next ID, counters, number of particles, then per particle:
// ID, atoms, birth step, birth COM (3), unwrapped COM (3), wrapped COM (3), Rg, height.
static constexpr int PARTICLE_RECORD = 14;

void FixNanoparticleTrack::write_restart(FILE *fp)
{
  std::vector<double> state = {static_cast<double>(next_id_)};
  state.insert(state.end(), counters_, counters_ + N_COUNTERS);
  state.push_back(static_cast<double>(particles_.size()));
  for (const auto &entry : particles_) {
    const Particle &p = entry.second;
    state.insert(state.end(), {static_cast<double>(entry.first), static_cast<double>(p.atoms),
                               static_cast<double>(p.birth_step)});
    state.insert(state.end(), p.birth_com.begin(), p.birth_com.end());
    state.insert(state.end(), p.unwrapped_com.begin(), p.unwrapped_com.end());
    state.insert(state.end(), p.wrapped_com.begin(), p.wrapped_com.end());
    state.insert(state.end(), {p.radius_of_gyration, p.height});
  }
  exsolve::write_restart_state(fp, state, comm->me);
}

void FixNanoparticleTrack::restart(char *buf)
{
  const auto *state = reinterpret_cast<const double *>(buf);
  int m = 0;
  next_id_ = static_cast<long>(state[m++]);
  for (double &counter : counters_) counter = state[m++];
  const long n_particles = static_cast<long>(state[m++]);
  particles_.clear();
  for (long k = 0; k < n_particles; ++k, m += PARTICLE_RECORD) {
    Particle p;
    p.atoms = static_cast<long>(state[m + 1]);
    p.birth_step = static_cast<bigint>(state[m + 2]);
    for (int d = 0; d < 3; ++d) {
      p.birth_com[d] = state[m + 3 + d];
      p.unwrapped_com[d] = state[m + 6 + d];
      p.wrapped_com[d] = state[m + 9 + d];
    }
    p.radius_of_gyration = state[m + 12];
    p.height = state[m + 13];
    particles_[static_cast<long>(state[m])] = p;
  }
  size_array_rows = static_cast<int>(particles_.size());
  restarted_ = true;
}

// ---- event file ----

void FixNanoparticleTrack::open_event_file()
{
  events_.open("fix nanoparticle/track", options_.event_file, options_.overwrite, restarted_,
               fmt::format("# exsolve fix nanoparticle/track {} (group {}): cutoff {} Å, min_size {}, every {} steps\n"
                           "# step event particle other particle_atoms other_atoms\n"
                           "# birth: new particle | merge: surviving particle, ended particle | "
                           "split: new particle, parent | death: ended particle | "
                           "exchange: receiving particle, giving particle, atoms moved\n",
                           id, group->names[igroup], options_.cutoff, options_.min_size, nevery));
}
