// Every per-atom value of the atoms one rank owns (positions, velocities, image flags,
// types, masks, charges, and the per-atom data of fixes that keep any), packed as LAMMPS
// packs an atom that migrates: fix reduce/oxygen's full-energy trials delete and create
// atoms for real, and a rejected trial puts back exactly this state, in the same order.
#pragma once

#include "lammps.h"
#include "pointers.h"

#include <vector>

namespace exsolve {

class AtomSnapshot : protected LAMMPS_NS::Pointers {
 public:
  explicit AtomSnapshot(LAMMPS_NS::LAMMPS *lmp) : Pointers(lmp) {}
  void take();
  bool taken() const { return taken_; }
  void forget() { taken_ = false; }
  // Replaces the owned atoms by the snapshot (ghost atoms are gone until the next borders;
  // the atom map is rebuilt for the owned atoms).
  void restore();

 private:
  std::vector<double> packed_;
  LAMMPS_NS::bigint natoms_ = 0;
  bool taken_ = false;
};

}  // namespace exsolve
