// Whether LAMMPS's neighbor lists stay what a build would make when atoms change type among
// some types (and charge), so that a Monte Carlo move that changes nothing else can be
// written into the atom arrays in place, its ghosts updated by a forward communication, and
// no neighbor list rebuilt (as fix sgcmc does for its type flips). A list depends on types
// through per-type-pair neighbor cutoffs, type exclusions (neigh_modify exclude) and skip
// lists (the lists of pair hybrid's sub-styles keep the atoms of some types only); the INTEL
// package's pair styles also copy types to their own buffers at neighbor builds only (GPU
// package styles, with their own device copy, are refused with them).
#pragma once

#include "pointers.h"

#include <string>
#include <vector>

namespace exsolve {

// "" where every neighbor list LAMMPS keeps (after its init) holds the same pairs whichever of
// `types` each atom has; otherwise why not, for the log.
std::string why_type_changes_need_rebuild(LAMMPS_NS::LAMMPS *lmp, const std::vector<int> &types);

}  // namespace exsolve
