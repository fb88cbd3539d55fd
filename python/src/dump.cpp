// exsolve.DumpReader and exsolve.Frame: io::DumpReader (the CLI's reader: dump atom and
// dump custom, plain or .gz, any column order, tilted boxes, unsorted IDs) frame by frame.
// A Frame's arrays are views of the decoded frame, kept alive by the Frame object.
#include "bindings.h"

#include "core/periodic_box.h"
#include "io/dump_reader.h"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>

namespace exsolve {
namespace python {

namespace {

core::PeriodicBox box_of(const io::Box &b)
{
  core::PeriodicBox box;
  box.lo = b.lo;
  box.hi = b.hi;
  box.xy = b.xy;
  box.xz = b.xz;
  box.yz = b.yz;
  for (int k = 0; k < 3; ++k) box.periodic[k] = b.periodic(k);
  return box;
}

// A view of `values` (n rows of `width`) owned by the Python object `owner`.
template <class T>
py::array_t<T> view(const py::object &owner, const T *values, std::size_t n, py::ssize_t width)
{
  if (width == 1) return py::array_t<T>(static_cast<py::ssize_t>(n), values, owner);
  return py::array_t<T>({static_cast<py::ssize_t>(n), width}, values, owner);
}

// Iteration stops at the end of the file. A truncated last frame (a killed job) is skipped
// with a warning, as exsolve-analyze does; any other malformed frame raises DumpError.
std::shared_ptr<io::Frame> next_frame(io::DumpReader &reader)
{
  auto frame = std::make_shared<io::Frame>();
  try {
    if (reader.next(*frame)) return frame;
  } catch (const io::TruncatedFrame &e) {
    PyErr_WarnEx(PyExc_RuntimeWarning, (std::string(e.what()) + " (skipped: the dump was cut short)").c_str(), 1);
  }
  throw py::stop_iteration();
}

}  // namespace

void bind_dump(py::module_ &m)
{
  // pybind11 tries the later translator first: TruncatedFrame before its base DumpError.
  const auto &dump_error = py::register_exception<io::DumpError>(m, "DumpError", PyExc_ValueError);
  py::register_exception<io::TruncatedFrame>(m, "TruncatedFrame", dump_error.ptr());

  py::class_<io::Frame, std::shared_ptr<io::Frame>>(m, "Frame", "One snapshot of a LAMMPS dump.")
      .def_readonly("timestep", &io::Frame::timestep)
      .def_property_readonly("box", [](const io::Frame &f) { return box_of(f.box); })
      .def("__len__", &io::Frame::size)
      .def_property_readonly(
          "ids",
          [](py::object self) {
    const auto &f = self.cast<const io::Frame &>();
    return view(self, f.id.data(), f.size(), 1);
          },
          "Atom IDs (int64), in the dump's order.")
      .def_property_readonly(
          "types",
          [](py::object self) {
    const auto &f = self.cast<const io::Frame &>();
    return view(self, f.type.data(), f.size(), 1);
          },
          "Atom types (int32, 1-based).")
      .def_property_readonly(
          "positions",
          [](py::object self) {
    const auto &f = self.cast<const io::Frame &>();
    return view(self, f.position.empty() ? nullptr : f.position.front().data(), f.size(), 3);
          },
          "(N, 3) float64 positions in box coordinates (from x y z, xs ys zs or xu yu zu).")
      .def_readonly("positions_unwrapped", &io::Frame::positions_unwrapped)
      .def_property_readonly(
          "images",
          [](py::object self) -> py::object {
            const auto &f = self.cast<const io::Frame &>();
            if (!f.has_image) return py::none();
            return view(self, f.image.empty() ? nullptr : f.image.front().data(), f.size(), 3);
          },
          "(N, 3) int32 image flags, or None when the dump has no ix iy iz.")
      .def_property_readonly(
          "columns",
          [](py::object self) {
    const auto &f = self.cast<const io::Frame &>();
    py::dict columns;
    for (const auto &column : f.extra) columns[py::str(column.first)] = view(self, column.second.data(), f.size(), 1);
    return columns;
          },
          "Every other column (c_ID, f_ID[2], v_name, vx, mass, ...) by its name, float64.");

  py::class_<io::DumpReader>(m, "DumpReader",
                             "Reads a LAMMPS text dump (plain or .gz) frame by frame: `for frame in "
                             "DumpReader(path)`. One frame in memory at a time.")
      .def(py::init<const std::string &>(), py::arg("path"))
      .def_property_readonly("path", &io::DumpReader::path)
      .def_property_readonly("frames_read", &io::DumpReader::frames_read)
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &next_frame);
}

}  // namespace python
}  // namespace exsolve
