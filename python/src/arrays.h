// numpy arguments in and results out. Every argument is checked before the core sees it:
// wrong dtype -> TypeError, wrong shape, length, non-contiguous or non-finite -> ValueError,
// each message starting with the argument's name. Results leave as numpy arrays that own
// the C++ vector they were made from (no copy on the way out).
#pragma once

#include "core/periodic_box.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <vector>

namespace exsolve {
namespace python {

namespace py = pybind11;

// (N, 3) float64, C-contiguous, each row a position `box` can hold (core::position_problem,
// the dump reader's rule: finite, less than 1e6 box lengths outside it).
std::vector<core::Vec3> positions_arg(const py::handle &value, const char *name, const core::PeriodicBox &box);
// (N,) of a signed integer dtype (int32 or int64); `expected_length` < 0: any.
std::vector<std::int64_t> int64_arg(const py::handle &value, const char *name, long expected_length);
std::vector<int> int_arg(const py::handle &value, const char *name, long expected_length);
// (N,) bool.
std::vector<char> bool_arg(const py::handle &value, const char *name, long expected_length);
// (N,) float64, finite.
std::vector<double> float64_arg(const py::handle &value, const char *name, long expected_length);

// A finite number > 0 (cutoffs, grid cells).
double positive_arg(double value, const char *name);
// 0, 1 or 2 (x, y, z).
int axis_arg(int axis, const char *name);

template <class T>
py::array_t<T> to_numpy(std::vector<T> &&values)
{
  auto *owned = new std::vector<T>(std::move(values));
  py::capsule free_when_done(owned, [](void *p) { delete static_cast<std::vector<T> *>(p); });
  return py::array_t<T>(static_cast<py::ssize_t>(owned->size()), owned->data(), free_when_done);
}

py::array_t<double> to_numpy(std::vector<core::Vec3> &&values);  // (N, 3)

}  // namespace python
}  // namespace exsolve
