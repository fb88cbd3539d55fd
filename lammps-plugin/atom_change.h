// One atom a Monte Carlo move changes: where it is, and its type, charge and presence before
// and after. A move is a list of them; an atom that moves appears twice, with the same ID:
// present before at its old place, present after at its new one.
#pragma once

#include "lmptype.h"

namespace exsolve {

struct AtomChange {
  double x[3];
  LAMMPS_NS::tagint tag;
  int type_before, type_after;
  double q_before, q_after;
  bool present_before, present_after;
  int mask;
};

}  // namespace exsolve
