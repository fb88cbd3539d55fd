// The parts of the _exsolve extension module, each bound in its own file.
#pragma once

#include <pybind11/pybind11.h>

namespace exsolve {
namespace python {

namespace py = pybind11;

void bind_box(py::module_ &m);        // box.cpp
void bind_dump(py::module_ &m);       // dump.cpp
void bind_particles(py::module_ &m);  // particles.cpp: labelling, census
void bind_bonds(py::module_ &m);      // bonds.cpp: cutoffs, bond counts, per-particle rows
void bind_socket(py::module_ &m);     // socket.cpp
void bind_tracker(py::module_ &m);    // tracker.cpp

}  // namespace python
}  // namespace exsolve
