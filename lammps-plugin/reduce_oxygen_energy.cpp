// The energy change of a fix reduce/oxygen move, and what accepting or rejecting it does to
// the atoms. Two ways, chosen per run (choose_energy_mode):
// - local: from the atoms near the ones the move changes (LocalEnergy: pair terms, and the
//   many-body styles on a cluster around them) — exact for the models it accepts, and
//   independent of the system size. The atom arrays are left alone until the invocation
//   ends (OwnedAtoms::write_back in pre_exchange).
// - full: the move is made for real (the oxygen deleted, cations retyped and recharged),
//   then the whole system's energy is evaluated as for a time step (pre_force fixes such as
//   charge equilibration included); a rejected move puts back every owned atom from a
//   snapshot, bit for bit.
#include "fix_reduce_oxygen.h"

#include "compat.h"
#include "lammps_box.h"

#include "atom.h"
#include "atom_vec.h"
#include "comm.h"
#include "compute.h"
#include "domain.h"
#include "error.h"
#include "force.h"
#include "kspace.h"
#include "modify.h"
#include "update.h"
#include "utils.h"

#include <algorithm>
#include <mpi.h>

using namespace LAMMPS_NS;

void FixReduceOxygen::choose_energy_mode()
{
  local_energy_ = false;
  if (options_.energy == EnergyMode::FULL) return;
  std::vector<int> changed_types = {options_.oxygen_type};
  for (const Reduction &r : options_.reductions) changed_types.insert(changed_types.end(), {r.from_type, r.to_type});
  // A move changes an oxygen and cations within `cutoff` of it.
  const std::string why_not = local_.why_not_local(changed_types, options_.cutoff);
  if (why_not.empty()) {
    local_energy_ = true;
    local_.setup(changed_types, options_.cutoff);
    return;
  }
  if (options_.energy == EnergyMode::LOCAL)
    error->all(FLERR, "fix reduce/oxygen: energy local is not exact for this model: {}; use energy full", why_not);
  if (!fallback_said_ && comm->me == 0)
    utils::logmesg(lmp, "fix reduce/oxygen {}: whole-system energies for every attempt (local energies would not be "
                   "exact: {})\n", id, why_not);
  fallback_said_ = true;
}

double FixReduceOxygen::energy_full()
{
  exsolve::compat::evaluate_energy(lmp);
  update->eflag_global = update->ntimestep;
  return pe_->compute_scalar();
}

double FixReduceOxygen::delta_energy(const std::vector<ChangedAtom> &move)
{
  return local_energy_ ? local_.delta(move, owned_) : delta_energy_full(move);
}

double FixReduceOxygen::delta_energy_full(const std::vector<ChangedAtom> &move)
{
  if (!snapshot_.taken()) snapshot_.take();
  apply_to_atoms(move);
  if (force->kspace) force->kspace->qsum_qsq();
  energy_trial_ = energy_full();
  return energy_trial_ - energy_stored_;
}

int FixReduceOxygen::atom_count_change(const std::vector<ChangedAtom> &move)
{
  int change = 0;
  for (const ChangedAtom &a : move) change += static_cast<int>(a.present_after) - static_cast<int>(a.present_before);
  return change;
}

void FixReduceOxygen::apply_to_atoms(const std::vector<ChangedAtom> &move)
{
  std::vector<int> removed;
  for (const ChangedAtom &a : move) {
    if (!a.present_before) {
      if (in_my_subdomain(a.x))
        exsolve::create_in_atom_arrays(lmp, {{a.x[0], a.x[1], a.x[2]}, a.tag, a.type_after, a.mask, a.q_after, true, -1});
      continue;
    }
    const int index = owned_.find(a.tag);
    if (index < 0) continue;  // another rank's atom
    const int i = owned_.atoms()[index].local_index;
    if (!a.present_after) {
      removed.push_back(i);
      continue;
    }
    atom->type[i] = a.type_after;
    if (atom->q_flag) atom->q[i] = a.q_after;
  }
  // Highest index first: filling a removed atom's slot with the last atom never moves one
  // still to be removed.
  std::sort(removed.rbegin(), removed.rend());
  for (int i : removed) {
    atom->avec->copy(atom->nlocal - 1, i, 1);
    atom->nlocal--;
  }
  atom->natoms += atom_count_change(move);
  atom->nghost = 0;
  if (atom->map_style != Atom::MAP_NONE) {
    atom->map_init();
    atom->map_set();
  }
}

void FixReduceOxygen::apply_to_owned(const std::vector<ChangedAtom> &move)
{
  for (const ChangedAtom &a : move) {
    if (!a.present_before) {
      if (in_my_subdomain(a.x))
        owned_.add({{a.x[0], a.x[1], a.x[2]}, a.tag, a.type_after, a.mask, a.q_after, true, -1});
      continue;
    }
    const int index = owned_.find(a.tag);
    if (index < 0) continue;
    if (a.present_after) owned_.set_type_and_charge(index, a.type_after, a.q_after);
    else owned_.remove(index);
  }
  atom->natoms += atom_count_change(move);
}

void FixReduceOxygen::accept_move(const std::vector<ChangedAtom> &move)
{
  if (local_energy_) {
    apply_to_owned(move);
    write_back_pending_ = true;
    return;
  }
  // The trial state is the new state; its atoms may have moved between ranks.
  energy_stored_ = energy_trial_;
  snapshot_.forget();
  owned_.build(cell_size());
}

void FixReduceOxygen::reject_move()
{
  if (local_energy_) return;
  snapshot_.restore();
  if (force->kspace) force->kspace->qsum_qsq();
}


