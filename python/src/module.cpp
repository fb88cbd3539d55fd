// The _exsolve extension: exsolve's core (the code the LAMMPS plugin and exsolve-analyze
// run) and the CLI's dump reader. The package `exsolve` re-exports it (python/exsolve).
#include "bindings.h"

PYBIND11_MODULE(_exsolve, m)
{
  m.doc() = "exsolve's core: dump reading, particle labelling, M-O bonds, socket depth, particle tracking.";
  exsolve::python::bind_box(m);
  exsolve::python::bind_dump(m);
  exsolve::python::bind_particles(m);
  exsolve::python::bind_bonds(m);
  exsolve::python::bind_socket(m);
  exsolve::python::bind_tracker(m);
}
