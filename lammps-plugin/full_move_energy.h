// Whole-system energy differences for fix reduce/oxygen's moves (see move_energy.h), for
// the models local energies cannot handle (kspace, charge equilibration, other many-body
// styles): the move is made in the atom arrays (oxygen deleted, cations retyped and
// recharged), the energy evaluated as for a time step (pre_force fixes such as charge
// equilibration included); a rejected move puts back every owned atom from a snapshot.
#pragma once

#include "atom_snapshot.h"
#include "move_energy.h"
#include "owned_atoms.h"

namespace LAMMPS_NS {
class Compute;
}

namespace exsolve {

class FullMoveEnergy : public MoveEnergy {
 public:
  // pe: the thermo_pe compute; owned: the fix's atom copy, rebuilt after an accepted move
  // (its atoms may have moved between ranks) with cells `cell_size` Å wide.
  FullMoveEnergy(LAMMPS_NS::LAMMPS *lmp, LAMMPS_NS::Compute *pe, OwnedAtoms &owned, double cell_size);

  bool trials_change_atom_arrays() const override { return true; }
  double reach() const override { return 0.0; }
  void start_invocation() override;
  double delta(const std::vector<AtomChange> &move) override;
  void accept(const std::vector<AtomChange> &move) override;
  void reject() override;
  bool changes_pending() const override { return false; }  // accepted moves are in the atom arrays
  void write_back() override {}

 private:
  double energy();
  void apply_to_atoms(const std::vector<AtomChange> &move);

  LAMMPS_NS::Compute *pe_;
  OwnedAtoms &owned_;
  double cell_size_;
  AtomSnapshot snapshot_;
  double energy_stored_ = 0.0;  // the system's energy before the trial
  double energy_trial_ = 0.0;   //   and in the trial state
};

}  // namespace exsolve
