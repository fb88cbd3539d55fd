// The energy drift of the demo's NVE check, as inputs/demo/demo.in prints it to nve.txt:
// "nve: <atoms> atoms, <steps> steps of <dt> ps, drift <value> meV/atom/ps".
#pragma once

#include <string>

namespace exsolve {
namespace io {

// The drift in meV/atom/ps. Throws std::runtime_error "cannot read <path>", or naming the
// file when it has no drift line.
double read_nve_drift(const std::string &path);

}  // namespace io
}  // namespace exsolve
