// Socket depth of particles in the support surface (core/socket_depth), as
// exsolve-analyze socket measures it.
#include "arrays.h"
#include "bindings.h"
#include "box.h"
#include "tables.h"

#include "core/socket_depth.h"

namespace exsolve {
namespace python {

namespace {

py::dict socket_depths(const py::object &positions_in, const py::object &support_in, const py::object &particle_in,
                       const core::PeriodicBox &box, int surface_axis, double cell, double ring_width)
{
  const std::vector<core::Vec3> positions = positions_arg(positions_in, "positions", box);
  const long n = static_cast<long>(positions.size());
  const std::vector<char> is_support = bool_arg(support_in, "is_support", n);
  const std::vector<std::int64_t> particle_of_atom = int64_arg(particle_in, "particle_of_atom", n);
  core::SocketOptions options;
  options.surface_axis = axis_arg(surface_axis, "surface_axis");
  options.cell = positive_arg(cell, "cell");
  options.ring_width = positive_arg(ring_width, "ring_width");
  const core::SocketResult result = with_box_named([&]() {
    return core::measure_sockets(core::SocketInput{&positions, &is_support, &particle_of_atom}, box, options);
  });
  py::dict out;
  out["reference_height"] = result.reference_height;
  out["reference_cells"] = result.reference_cells;
  out["particles"] = socket_table(result.particles);
  return out;
}

}  // namespace

void bind_socket(py::module_ &m)
{
  m.def("socket_depths", &socket_depths, py::arg("positions"), py::arg("is_support"), py::arg("particle_of_atom"),
        py::arg("box"), py::arg("surface_axis") = 2, py::arg("cell") = 3.0, py::arg("ring_width") = 5.0,
        "Socket depths of the particles (particle_of_atom != 0) in the support's surface, mapped on a grid of "
        "`cell` Å: depth below the local rim (a ring_width annulus) and below the flat surface between "
        "particles. Returns a dict: reference_height, reference_cells and particles, a table by particle.");
}

}  // namespace python
}  // namespace exsolve
