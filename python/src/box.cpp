#include "box.h"

#include <pybind11/stl.h>

#include <array>
#include <cmath>

namespace exsolve {
namespace python {

namespace {

core::PeriodicBox make_box(const std::array<double, 3> &lo, const std::array<double, 3> &hi,
                           const std::array<double, 3> &tilt, const std::array<bool, 3> &periodic)
{
  core::PeriodicBox box;
  for (int k = 0; k < 3; ++k) {
    if (!std::isfinite(lo[k]) || !std::isfinite(hi[k]) || !(hi[k] > lo[k]))
      throw py::value_error("box: hi must exceed lo along axis " + std::to_string(k) + " (finite numbers), got lo " +
                            std::to_string(lo[k]) + ", hi " + std::to_string(hi[k]));
    if (!std::isfinite(tilt[k])) throw py::value_error("box: tilt factors (xy, xz, yz) must be finite");
  }
  box.lo = lo;
  box.hi = hi;
  box.xy = tilt[0];
  box.xz = tilt[1];
  box.yz = tilt[2];
  box.periodic = periodic;
  return box;
}

}  // namespace

void bind_box(py::module_ &m)
{
  py::class_<core::PeriodicBox>(m, "Box",
                                "A periodic cell as LAMMPS writes it: origin lo, lo + (lx, ly, lz) as hi, tilt "
                                "factors (xy, xz, yz) of the cell vectors a = (lx, 0, 0), b = (xy, ly, 0), "
                                "c = (xz, yz, lz), and per-axis periodicity.")
      .def(py::init(&make_box), py::arg("lo"), py::arg("hi"), py::arg("tilt") = std::array<double, 3>{{0, 0, 0}},
           py::arg("periodic") = std::array<bool, 3>{{true, true, true}})
      .def_readonly("lo", &core::PeriodicBox::lo)
      .def_readonly("hi", &core::PeriodicBox::hi)
      .def_property_readonly(
          "tilt",
          [](const core::PeriodicBox &b) {
    return std::array<double, 3>{{b.xy, b.xz, b.yz}};
          })
      .def_readonly("periodic", &core::PeriodicBox::periodic)
      .def_property_readonly("triclinic", &core::PeriodicBox::triclinic)
      .def("cell_vector", &core::PeriodicBox::cell_vector, py::arg("axis"), "Cell vector 0 (a), 1 (b) or 2 (c).")
      .def(
          "matrix",
          [](const core::PeriodicBox &b) {
    return std::array<core::Vec3, 3>{{b.cell_vector(0), b.cell_vector(1), b.cell_vector(2)}};
          },
          "The cell vectors a, b, c as the rows of a 3 x 3 list.")
      .def("wrapped", &core::PeriodicBox::wrapped, py::arg("x"), "x moved by whole cell vectors into the cell.")
      .def("__repr__", [](const core::PeriodicBox &b) {
        return "Box(lo=(" + std::to_string(b.lo[0]) + ", " + std::to_string(b.lo[1]) + ", " + std::to_string(b.lo[2]) +
               "), hi=(" + std::to_string(b.hi[0]) + ", " + std::to_string(b.hi[1]) + ", " + std::to_string(b.hi[2]) +
               "), tilt=(" + std::to_string(b.xy) + ", " + std::to_string(b.xz) + ", " + std::to_string(b.yz) + "))";
      });
}

}  // namespace python
}  // namespace exsolve
