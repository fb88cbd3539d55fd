#include "fix_local_monte_carlo.h"

#include "compat.h"
#include "restart_state.h"
#include "type_blind_lists.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "force.h"
#include "random_park.h"
#include "update.h"

#include <algorithm>
#include <cmath>
#include <mpi.h>

using namespace LAMMPS_NS;
using namespace FixConst;

namespace {

constexpr int SHARED_VECTOR = 3;

}  // namespace

FixLocalMonteCarlo::FixLocalMonteCarlo(LAMMPS *lmp, int narg, char **arg, const std::string &style)
    : Fix(lmp, narg, arg), owned_(lmp, exsolve::OwnedAtoms::Role::WRITES_BACK), local_(lmp, style), events_(lmp),
      style_(style)
{
}

FixLocalMonteCarlo::~FixLocalMonteCarlo()
{
  delete random_;
}

void FixLocalMonteCarlo::start(int every, int attempts, int seed, int extra_vector)
{
  nevery = every;
  attempts_per_invocation_ = attempts;
  vector_flag = 1;
  size_vector = SHARED_VECTOR + extra_vector;
  global_freq = 1;
  extvector = 0;
  force_reneighbor = 1;
  comm_forward = 2;  // type, charge
  next_reneighbor = -1;
  restart_global = 1;
  next_invocation_ = update->ntimestep + 1;
  // The same generator and seed on every rank: the same choices everywhere.
  random_ = new RanPark(lmp, seed);
}

int FixLocalMonteCarlo::setmask()
{
  // No pre_force: a fix acting before the forces would make local energies inexact (LocalEnergy).
  return POST_INTEGRATE | (after_forces_ ? POST_FORCE : 0) | PRE_EXCHANGE;
}

void FixLocalMonteCarlo::init_schedule(double temperature_k)
{
  // rRESPA calls post_force_respa, at each level, instead.
  if (after_forces_ && utils::strmatch(update->integrate_style, "^respa"))
    error->all(FLERR, "{}: decide after_forces needs run_style verlet, not {}", style_, update->integrate_style);
  beta_ = 1.0 / (force->boltz * temperature_k);
  if (next_invocation_ <= update->ntimestep || next_invocation_ > update->ntimestep + nevery)
    next_invocation_ = update->ntimestep + 1;
  next_reneighbor = -1;
  write_back_pending_ = false;
}

// The neighbor lists of the run exist from setup on (LAMMPS's init makes them after the
// fixes' init). The atom copy is made here, after setup's force computation: where the
// first invocation finds the atoms as they were then, it starts with what the pair style
// summed of them.
void FixLocalMonteCarlo::setup(int)
{
  owned_.build_to_keep(cell_size());
  write_in_place_ = false;
  const std::string why_not = retyped_types_.empty() ? "the moves change more than types and charges"
                                                     : exsolve::why_type_changes_need_rebuild(lmp, retyped_types_);
  // After the step's forces the step's rebuild is past: nothing else is written.
  if (after_forces_ && !why_not.empty())
    error->all(FLERR,
               "{}: decide after_forces needs accepted moves written in place, but they force a neighbor "
               "list rebuild: {}",
               style_, why_not);
  if (retyped_types_.empty()) return;
  write_in_place_ = why_not.empty();
  if (comm->me == 0)
    utils::logmesg(lmp, "{}: accepted moves {}\n", style_,
                   write_in_place_ ? "are written in place, without a neighbor list rebuild"
                                   : "force a neighbor list rebuild: " + why_not);
}

// Moves are decided before LAMMPS decides whether to rebuild its neighbor lists. Moves of
// types and charges are written in place at once where the lists allow it; otherwise only
// an invocation that accepted a move forces a rebuild, and its changes reach the atom arrays
// in pre_exchange of the same step (as fix reduce/oxygen with local energies), or when
// another Monte Carlo fix copies the atoms on this step (OwnedAtoms::build).
void FixLocalMonteCarlo::post_integrate()
{
  if (!after_forces_) invoke();
  // The count before this step's forces (any write later in the step is seen in post_force,
  // also one before the forces: a write-back in pre_exchange).
  else written_before_forces_ = exsolve::OwnedAtoms::arrays_written();
}

// decide after_forces: moves written in place only (setup), so that the step's neighbor
// lists and ghosts stay as they are.
void FixLocalMonteCarlo::post_force(int)
{
  if (after_forces_) invoke();
}

void FixLocalMonteCarlo::invoke()
{
  if (update->ntimestep != next_invocation_) return;
  // Kept from the last invocation where LAMMPS kept its neighbor lists.
  const bool rebuilt = owned_.refresh(cell_size());
  // Every other exsolve copy is written by pre_exchange (or in place at once): one still
  // pending after the forces would have been written back just now, dropping the ghosts
  // after this step's neighbor build.
  if (after_forces_ && other_moves_written())
    error->all(FLERR, "{}: internal error: another Monte Carlo fix's moves were still pending after the forces",
               style_);
  // What the pair style summed serves where nothing changed the atoms since its compute():
  // after this step's forces, where no exsolve copy wrote the atom arrays since; before them,
  // where the copy was kept with every atom as it was (its compute() came after the copy's
  // last changes: every step computes the forces).
  const bool as_computed = after_forces_ ? exsolve::OwnedAtoms::arrays_written() == written_before_forces_
                                         : !rebuilt && owned_.kept_unchanged();
  local_.start_invocation(as_computed);
  if (local_.densities_from_pair_style()) computed_density_invocations_ += 1.0;
  start_invocation();
  for (int k = 0; k < attempts_per_invocation_; ++k) {
    attempts_ += 1.0;
    attempt();
  }
  events_.flush();
  next_invocation_ = update->ntimestep + nevery;
  if (!write_back_pending_) return;
  // After the forces, moves are written in place (setup) and no other copy is pending
  // (checked above): no rebuild, no second collective.
  if (!write_in_place_ || (!after_forces_ && other_moves_written())) {
    next_reneighbor = update->ntimestep;
    return;
  }
  owned_.write_types_and_charges();
  exsolve::compat::forward_comm(comm, this);
  write_back_pending_ = false;
}

// Where another fix's moves went to the atom arrays on this step, on any rank (a removal
// changes its owner's copy only), the ghosts are gone and LAMMPS reneighbors anyway: this
// fix's moves go with them. The same answer on every rank: the forward communication is
// collective.
bool FixLocalMonteCarlo::other_moves_written()
{
  const int here = owned_.wrote_other_copies() ? 1 : 0;
  int anywhere = 0;
  MPI_Allreduce(&here, &anywhere, 1, MPI_INT, MPI_MAX, world);
  return anywhere != 0;
}

int FixLocalMonteCarlo::pack_forward_comm(int n, int *list, double *buf, int, int *)
{
  int m = 0;
  for (int k = 0; k < n; ++k) {
    buf[m++] = atom->type[list[k]];
    buf[m++] = atom->q_flag ? atom->q[list[k]] : 0.0;
  }
  return m;
}

void FixLocalMonteCarlo::unpack_forward_comm(int n, int first, double *buf)
{
  int m = 0;
  for (int i = first; i < first + n; ++i) {
    atom->type[i] = static_cast<int>(buf[m++]);
    if (atom->q_flag) atom->q[i] = buf[m];
    ++m;
  }
}

void FixLocalMonteCarlo::pre_exchange()
{
  if (!write_back_pending_) return;
  owned_.write_back();
  write_back_pending_ = false;
}

void FixLocalMonteCarlo::accepted(double delta_u)
{
  write_back_pending_ = true;
  accepted_ += 1.0;
  last_delta_u_ = delta_u;
}

int FixLocalMonteCarlo::choose(int n)
{
  return std::min(static_cast<int>(n * random_->uniform()), n - 1);
}

bool FixLocalMonteCarlo::metropolis(double delta_u, double proposal_ratio)
{
  return random_->uniform() < proposal_ratio * std::exp(-beta_ * delta_u);
}

double FixLocalMonteCarlo::compute_vector(int n)
{
  switch (n) {
    case 0: return attempts_;
    case 1: return accepted_;
    case 2: return last_delta_u_;
    default: return 0.0;
  }
}

void FixLocalMonteCarlo::write_restart(FILE *fp)
{
  exsolve::write_restart_state(fp,
                               {attempts_, accepted_, last_delta_u_, static_cast<double>(random_->state()),
                                static_cast<double>(next_invocation_)},
                               comm->me);
}

void FixLocalMonteCarlo::restart(char *buf)
{
  const auto *state = reinterpret_cast<const double *>(buf);
  attempts_ = state[0];
  accepted_ = state[1];
  last_delta_u_ = state[2];
  random_->reset(static_cast<int>(state[3]));
  next_invocation_ = static_cast<bigint>(state[4]);
  restarted_ = true;
}
