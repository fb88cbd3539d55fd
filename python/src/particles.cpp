// Particles of one frame: cluster labels (core/cluster_finder) and the census with centres,
// radii of gyration and heights (core/particle_census), as exsolve-analyze finds them.
#include "arrays.h"
#include "bindings.h"
#include "box.h"
#include "tables.h"

#include "core/cluster_finder.h"
#include "core/particle_census.h"

namespace exsolve {
namespace python {

namespace {

std::vector<char> selection_arg(const py::object &selected, std::size_t n)
{
  if (selected.is_none()) return std::vector<char>(n, 1);
  return bool_arg(selected, "selected", static_cast<long>(n));
}

py::array_t<std::int64_t> cluster_labels(const py::object &positions_in, const py::object &ids_in,
                                         const core::PeriodicBox &box, double cutoff, const py::object &selected_in)
{
  const std::vector<core::Vec3> positions = positions_arg(positions_in, "positions", box);
  const std::vector<std::int64_t> ids = int64_arg(ids_in, "atom_ids", static_cast<long>(positions.size()));
  const std::vector<char> selected = selection_arg(selected_in, positions.size());
  positive_arg(cutoff, "cutoff");
  return to_numpy(with_box_named([&]() {
    return core::label_clusters(core::ClusterInput{&positions, &ids, &selected}, box, cutoff);
  }));
}

py::dict census(const py::object &positions_in, const py::object &ids_in, const core::PeriodicBox &box, double cutoff,
                const py::object &selected_in, long min_size, const py::object &masses_in, double atomic_volume,
                int surface_axis)
{
  const std::vector<core::Vec3> positions = positions_arg(positions_in, "positions", box);
  const long n = static_cast<long>(positions.size());
  const std::vector<std::int64_t> ids = int64_arg(ids_in, "atom_ids", n);
  const std::vector<char> selected = selection_arg(selected_in, positions.size());
  std::vector<double> masses;
  if (!masses_in.is_none()) masses = float64_arg(masses_in, "masses", n);
  core::CensusOptions options;
  options.cutoff = positive_arg(cutoff, "cutoff");
  if (min_size < 1) throw py::value_error("min_size: expects at least 1 atom, got " + std::to_string(min_size));
  options.min_size = min_size;
  options.atomic_volume = atomic_volume;
  options.surface_axis = axis_arg(surface_axis, "surface_axis");
  core::Census found = with_box_named([&]() {
    return core::take_census(core::CensusInput{&positions, &ids, &selected, masses_in.is_none() ? nullptr : &masses},
                             box, options);
  });
  py::dict result;
  result["particle_of_atom"] = to_numpy(std::move(found.particle_of_atom));
  result["cluster_of_atom"] = to_numpy(std::move(found.cluster_of_atom));
  result["free_atoms"] = found.free_atoms;
  result["particles"] = particle_table(found.particles);
  return result;
}

}  // namespace

void bind_particles(py::module_ &m)
{
  m.def("cluster_labels", &cluster_labels, py::arg("positions"), py::arg("atom_ids"), py::arg("box"), py::arg("cutoff"),
        py::arg("selected") = py::none(),
        "Per atom, the label of its cluster: the smallest atom ID among the selected atoms connected to it by "
        "steps shorter than `cutoff` (r < cutoff, across periodic boundaries); 0 for atoms not selected.");
  m.def("census", &census, py::arg("positions"), py::arg("atom_ids"), py::arg("box"), py::arg("cutoff"),
        py::arg("selected") = py::none(), py::arg("min_size") = 1, py::arg("masses") = py::none(),
        py::arg("atomic_volume") = 0.0, py::arg("surface_axis") = 2,
        "The particles of one frame as exsolve-analyze particles finds them: clusters of the selected atoms "
        "(cutoff as in cluster_labels) with at least min_size atoms, measured across periodic boundaries. "
        "Returns a dict: particle_of_atom and cluster_of_atom (labels per atom, 0: none), free_atoms, and "
        "particles, a table (dict of 1-D arrays, pandas.DataFrame(...) ready) by label.");
}

}  // namespace python
}  // namespace exsolve
