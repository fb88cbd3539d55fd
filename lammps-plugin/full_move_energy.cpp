#include "full_move_energy.h"

#include "compat.h"
#include "lammps_box.h"

#include "atom.h"
#include "atom_vec.h"
#include "compute.h"
#include "domain.h"
#include "force.h"
#include "kspace.h"
#include "update.h"

#include <algorithm>

using namespace LAMMPS_NS;

namespace exsolve {

FullMoveEnergy::FullMoveEnergy(LAMMPS *lmp, Compute *pe, OwnedAtoms &owned, double cell_size)
    : MoveEnergy(lmp), pe_(pe), owned_(owned), cell_size_(cell_size), snapshot_(lmp)
{
}

double FullMoveEnergy::energy()
{
  compat::evaluate_energy(lmp);
  update->eflag_global = update->ntimestep;
  return pe_->compute_scalar();
}

void FullMoveEnergy::start_invocation()
{
  energy_stored_ = energy();
  snapshot_.forget();
}

double FullMoveEnergy::delta(const std::vector<AtomChange> &move)
{
  if (!snapshot_.taken()) snapshot_.take();
  apply_to_atoms(move);
  if (force->kspace) force->kspace->qsum_qsq();
  energy_trial_ = energy();
  return energy_trial_ - energy_stored_;
}

void FullMoveEnergy::accept(const std::vector<AtomChange> &)
{
  // The trial state is the new state; its atoms may have moved between ranks.
  energy_stored_ = energy_trial_;
  snapshot_.forget();
  owned_.build(cell_size_);
}

void FullMoveEnergy::reject()
{
  snapshot_.restore();
  if (force->kspace) force->kspace->qsum_qsq();
}

void FullMoveEnergy::apply_to_atoms(const std::vector<AtomChange> &move)
{
  OwnedAtoms::atom_arrays_changed();
  std::vector<int> removed;
  for (const AtomChange &a : move) {
    if (!a.present_before) {
      if (in_subdomain(domain, a.x))
        create_in_atom_arrays(lmp, {{a.x[0], a.x[1], a.x[2]}, a.tag, a.type_after, a.mask, a.q_after, true, -1});
      continue;
    }
    const int index = owned_.find(a.tag);
    if (index < 0) continue;  // another rank's atom
    const int i = owned_.atom_at(index).local_index;
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

}  // namespace exsolve
