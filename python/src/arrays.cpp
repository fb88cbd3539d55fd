#include "arrays.h"

#include "core/position_bounds.h"

#include <array>
#include <cmath>

namespace exsolve {
namespace python {

namespace {

std::string dtype_name(const py::array &a)
{
  return py::str(a.dtype()).cast<std::string>();
}

// The ndarray behind `value`, refusing anything else: a list would be converted silently
// with a dtype numpy guesses, which is how float atom IDs slip in.
py::array ndarray_arg(const py::handle &value, const char *name)
{
  if (!py::isinstance<py::array>(value))
    throw py::type_error(std::string(name) + ": expects a numpy array, got " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>());
  const py::array a = py::reinterpret_borrow<py::array>(value);
  if (!(a.flags() & py::array::c_style))
    throw py::value_error(std::string(name) + ": expects a C-contiguous array, got a non-contiguous one " +
                          "(pass numpy.ascontiguousarray(" + name + "))");
  return a;
}

void check_length(const py::array &a, const char *name, long expected_length)
{
  if (a.ndim() != 1)
    throw py::value_error(std::string(name) + ": expects a 1-dimensional array, got " + std::to_string(a.ndim()) +
                          " dimensions");
  if (expected_length >= 0 && a.shape(0) != expected_length)
    throw py::value_error(std::string(name) + ": expects " + std::to_string(expected_length) +
                          " values (one per atom), got " + std::to_string(a.shape(0)));
}

template <class Out>
std::vector<Out> integers_arg(const py::handle &value, const char *name, long expected_length)
{
  const py::array a = ndarray_arg(value, name);
  check_length(a, name, expected_length);
  std::vector<Out> out(static_cast<std::size_t>(a.shape(0)));
  if (py::isinstance<py::array_t<std::int64_t>>(a)) {
    const auto *p = static_cast<const std::int64_t *>(a.data());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<Out>(p[i]);
  } else if (py::isinstance<py::array_t<std::int32_t>>(a)) {
    const auto *p = static_cast<const std::int32_t *>(a.data());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<Out>(p[i]);
  } else {
    throw py::type_error(std::string(name) + ": expects an int64 or int32 array, got " + dtype_name(a));
  }
  return out;
}

}  // namespace

std::vector<core::Vec3> positions_arg(const py::handle &value, const char *name, const core::PeriodicBox &box)
{
  const py::array a = ndarray_arg(value, name);
  if (!py::isinstance<py::array_t<double>>(a))
    throw py::type_error(std::string(name) + ": expects a float64 array, got " + dtype_name(a));
  if (a.ndim() != 2 || a.shape(1) != 3)
    throw py::value_error(std::string(name) + ": expects shape (N, 3), got " +
                          py::str(a.attr("shape")).cast<std::string>());
  const auto *p = static_cast<const double *>(a.data());
  std::vector<core::Vec3> out(static_cast<std::size_t>(a.shape(0)));
  static const std::array<std::string, 3> coordinate_names{{"x", "y", "z"}};
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = {{p[3 * i], p[3 * i + 1], p[3 * i + 2]}};
    // A NaN would be put in no cell, a coordinate 1e300 boxes away overflows the cell
    // index: the dump reader refuses both, and so does the module, in the same words.
    const std::string problem = core::position_problem(out[i], box.lo, box.hi, coordinate_names);
    if (!problem.empty()) throw py::value_error(std::string(name) + ": row " + std::to_string(i) + ": " + problem);
  }
  return out;
}

std::vector<std::int64_t> int64_arg(const py::handle &value, const char *name, long expected_length)
{
  return integers_arg<std::int64_t>(value, name, expected_length);
}

std::vector<int> int_arg(const py::handle &value, const char *name, long expected_length)
{
  const py::array a = ndarray_arg(value, name);
  if (py::isinstance<py::array_t<std::int64_t>>(a)) {
    check_length(a, name, expected_length);
    const auto *p = static_cast<const std::int64_t *>(a.data());
    for (py::ssize_t i = 0; i < a.shape(0); ++i)
      if (p[i] != static_cast<int>(p[i]))
        throw py::value_error(std::string(name) + ": value " + std::to_string(p[i]) + " at " + std::to_string(i) +
                              " does not fit a 32-bit int");
  }
  return integers_arg<int>(value, name, expected_length);
}

std::vector<char> bool_arg(const py::handle &value, const char *name, long expected_length)
{
  const py::array a = ndarray_arg(value, name);
  if (!py::isinstance<py::array_t<bool>>(a))
    throw py::type_error(std::string(name) + ": expects a bool array, got " + dtype_name(a));
  check_length(a, name, expected_length);
  const auto *p = static_cast<const bool *>(a.data());
  return std::vector<char>(p, p + a.shape(0));
}

std::vector<double> float64_arg(const py::handle &value, const char *name, long expected_length)
{
  const py::array a = ndarray_arg(value, name);
  if (!py::isinstance<py::array_t<double>>(a))
    throw py::type_error(std::string(name) + ": expects a float64 array, got " + dtype_name(a));
  check_length(a, name, expected_length);
  const auto *p = static_cast<const double *>(a.data());
  std::vector<double> out(p, p + a.shape(0));
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!std::isfinite(out[i]))
      throw py::value_error(std::string(name) + ": value " + std::to_string(i) + " is not finite");
  return out;
}

double positive_arg(double value, const char *name)
{
  if (!(std::isfinite(value) && value > 0.0))
    throw py::value_error(std::string(name) + ": expects a finite number > 0, got " + std::to_string(value));
  return value;
}

int axis_arg(int axis, const char *name)
{
  if (axis < 0 || axis > 2)
    throw py::value_error(std::string(name) + ": expects 0, 1 or 2 (x, y, z), got " + std::to_string(axis));
  return axis;
}

py::array_t<double> to_numpy(std::vector<core::Vec3> &&values)
{
  auto *owned = new std::vector<core::Vec3>(std::move(values));
  py::capsule free_when_done(owned, [](void *p) { delete static_cast<std::vector<core::Vec3> *>(p); });
  const py::ssize_t n = static_cast<py::ssize_t>(owned->size());
  return py::array_t<double>({n, py::ssize_t(3)}, owned->empty() ? nullptr : owned->front().data(), free_when_done);
}

}  // namespace python
}  // namespace exsolve
