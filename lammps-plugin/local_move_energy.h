// Local energy differences for fix reduce/oxygen's moves (see move_energy.h): ΔU from
// LocalEnergy on the rank's owned-atom copy, accepted moves applied to that copy and
// written back to the atom arrays once per invocation.
#pragma once

#include "move_energy.h"
#include "owned_atoms.h"

#include <string>

namespace exsolve {

class LocalMoveEnergy : public MoveEnergy {
 public:
  // style: the fix using it, for messages; owned: its atom copy (built by the fix).
  LocalMoveEnergy(LAMMPS_NS::LAMMPS *lmp, const std::string &style, OwnedAtoms &owned);
  // "" when moves changing atoms of these types within `extent` Å of the first changed atom
  // get exact local energies from this model, else why not (LocalEnergy::why_not_local).
  std::string why_not_local(const std::vector<int> &changed_types, double extent);
  void setup(const std::vector<int> &changed_types, double extent);

  bool trials_change_atom_arrays() const override { return false; }
  double reach() const override { return local_.reach(); }
  void start_invocation() override { local_.start_invocation(false); }
  double delta(const std::vector<AtomChange> &move) override { return local_.delta(move, owned_); }
  void accept(const std::vector<AtomChange> &move) override;
  void reject() override {}  // a trial changes nothing
  bool changes_pending() const override { return pending_; }
  void write_back() override;

 private:
  OwnedAtoms &owned_;
  LocalEnergy local_;
  bool pending_ = false;
};

}  // namespace exsolve
