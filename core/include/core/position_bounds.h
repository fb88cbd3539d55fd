// The one rule for which atom positions can be analysed at all: the dump reader (CLI) and
// the Python module refuse the same positions with the same words. Plain C++14.
#pragma once

#include "core/periodic_box.h"

#include <array>
#include <string>

namespace exsolve {
namespace core {

// Positions further than this many box lengths outside the box are corrupt (no MD atom
// travels a million boxes, even unwrapped; a blown-up integrator writes 1e300 or inf).
// The bound keeps the minimum-image folds exact to 1e-10 box lengths and the cell-list
// indices (at most 1024 cells per box length) far inside an int. Positions outside the box
// by less are used: unwrapped along periodic axes, as given along the others.
constexpr double MAX_BOX_LENGTHS_OUTSIDE = 1e6;

// Why position `p` cannot be analysed in a box spanning [lo, hi] (LAMMPS's boxlo/boxhi,
// the tilt does not matter at this scale), naming its coordinates `names` (e.g. x y z, or
// the dump's xu yu zu); empty when it can.
std::string position_problem(const Vec3 &p, const Vec3 &lo, const Vec3 &hi, const std::array<std::string, 3> &names);

}  // namespace core
}  // namespace exsolve
