// The energy change of a Monte Carlo move of fix reduce/oxygen and what accepting or
// rejecting it does to the atoms, behind one interface; the fix chooses an implementation
// per run (reduce_oxygen_energy.cpp):
// - LocalMoveEnergy (local_move_energy.h): from the atoms near the changed ones
//   (LocalEnergy), exact for the models it accepts and independent of the system size; the
//   atom arrays are left alone, accepted moves go to the rank's OwnedAtoms copy and reach
//   the atom arrays in write_back().
// - FullMoveEnergy (full_move_energy.h): the move made for real in the atom arrays and the
//   whole system's energy evaluated as for a time step; a rejected trial puts every owned
//   atom back from a snapshot, bit for bit.
#pragma once

#include "local_energy.h"

#include "pointers.h"

#include <vector>

namespace exsolve {

// Over LAMMPS's Pointers (the one base, so the destructor's exception specification is
// Pointers', which differs between releases).
class MoveEnergy : protected LAMMPS_NS::Pointers {
 public:
  explicit MoveEnergy(LAMMPS_NS::LAMMPS *lmp) : Pointers(lmp) {}
  ~MoveEnergy() override = default;
  // Whether trials change LAMMPS's atom arrays (and reneighbor for every energy): the
  // invocation then runs where LAMMPS takes changed atom arrays (pre_exchange), with a
  // neighbor-list rebuild on every invocation step. Otherwise the moves are decided in
  // post_integrate and a rebuild is forced only after an accepted move.
  virtual bool trials_change_atom_arrays() const = 0;
  // How far from a changed atom the energy looks at atoms (Å): the owned-atom cells must be
  // at least this wide.
  virtual double reach() const = 0;
  // Before the owned-atom copy of an invocation is built.
  virtual void start_invocation() = 0;
  // The energy change of the move (eV), the same on every rank; the trial state stays until
  // accept() or reject().
  virtual double delta(const std::vector<AtomChange> &move) = 0;
  virtual void accept(const std::vector<AtomChange> &move) = 0;
  virtual void reject() = 0;
  // Accepted moves not yet in the atom arrays, and their write-back (on a step LAMMPS
  // reneighbors: pre_exchange).
  virtual bool changes_pending() const = 0;
  virtual void write_back() = 0;
};

// Atoms added by the move minus atoms removed.
inline int atom_count_change(const std::vector<AtomChange> &move)
{
  int change = 0;
  for (const AtomChange &a : move) change += static_cast<int>(a.present_after) - static_cast<int>(a.present_before);
  return change;
}

}  // namespace exsolve
