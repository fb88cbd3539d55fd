// exsolve.Box: core::PeriodicBox (orthogonal or LAMMPS's restricted triclinic form) as a
// Python class, and the rule that turns the core's complaints about a box into errors
// naming the `box` argument.
#pragma once

#include "bindings.h"
#include "core/periodic_box.h"

#include <pybind11/pybind11.h>

#include <stdexcept>
#include <string>

namespace exsolve {
namespace python {

namespace py = pybind11;

// Runs `work`; the core throws std::invalid_argument only for a box it cannot use once the
// arrays have been checked (thinner than twice a cutoff, no face normal to the surface
// axis): the message is the CLI's, prefixed with the argument's name.
template <class Work>
auto with_box_named(Work work) -> decltype(work())
{
  try {
    return work();
  } catch (const std::invalid_argument &e) {
    throw py::value_error(std::string("box: ") + e.what());
  }
}

}  // namespace python
}  // namespace exsolve
