// exsolve.Tracker: core::ParticleTracker, the tracker of fix nanoparticle/track and
// exsolve-analyze track, fed frame by frame with the census exsolve-analyze takes
// (core/particle_census, equal masses) through core/tracker_frame.
#include "arrays.h"
#include "bindings.h"
#include "box.h"
#include "tables.h"

#include "core/particle_census.h"
#include "core/particle_tracker.h"
#include "core/tracker_frame.h"

#include <string>

namespace exsolve {
namespace python {

namespace {

long min_size_arg(long min_size)
{
  if (min_size < 1) throw py::value_error("min_size: expects at least 1 atom, got " + std::to_string(min_size));
  return min_size;
}

class Tracker {
 public:
  Tracker(double cutoff, long min_size, int surface_axis) : tracker_(min_size_arg(min_size))
  {
    options_.cutoff = positive_arg(cutoff, "cutoff");
    options_.min_size = min_size;
    options_.surface_axis = axis_arg(surface_axis, "surface_axis");
  }

  py::dict add_frame(long long step, const py::object &positions_in, const py::object &ids_in,
                     const core::PeriodicBox &box, const py::object &selected_in)
  {
    const std::vector<core::Vec3> positions = positions_arg(positions_in, "positions", box);
    const long n = static_cast<long>(positions.size());
    const std::vector<std::int64_t> ids = int64_arg(ids_in, "atom_ids", n);
    const std::vector<char> selected =
        selected_in.is_none() ? std::vector<char>(positions.size(), 1) : bool_arg(selected_in, "selected", n);
    const core::Census census = with_box_named([&]() {
      return core::take_census(core::CensusInput{&positions, &ids, &selected, nullptr}, box, options_);
    });
    const core::TrackerFrame input = core::tracker_frame(census, ids, selected, options_.min_size);
    const core::TrackedFrame tracked = with_box_named(
        [&]() { return tracker_.add_frame(step, input.atom_ids, input.cluster_of_atom, input.clusters, box); });
    std::vector<std::int64_t> particle_of_atom(positions.size(), 0);
    for (std::size_t i = 0; i < particle_of_atom.size(); ++i) {
      const auto found = tracked.particle_of_cluster.find(static_cast<long>(census.cluster_of_atom[i]));
      if (census.cluster_of_atom[i] != 0 && found != tracked.particle_of_cluster.end())
        particle_of_atom[i] = found->second;
    }
    py::dict result;
    result["step"] = step;
    result["particle_of_atom"] = to_numpy(std::move(particle_of_atom));
    result["particles"] = tracked_particle_table(tracked.particles);
    result["events"] = event_table(tracked);
    return result;
  }

  py::dict counts() const
  {
    const core::EventCounts &c = tracker_.counts();
    py::dict out;
    out["births"] = c.births;
    out["merges"] = c.merges;
    out["splits"] = c.splits;
    out["deaths"] = c.deaths;
    out["exchanged_atoms"] = c.exchanged_atoms;
    return out;
  }

  py::dict living() const { return tracked_particle_table(tracker_.living()); }
  long next_id() const { return tracker_.next_id(); }
  double cutoff() const { return options_.cutoff; }
  long min_size() const { return options_.min_size; }

 private:
  core::CensusOptions options_;
  core::ParticleTracker tracker_;
};

}  // namespace

void bind_tracker(py::module_ &m)
{
  py::class_<Tracker>(m, "Tracker",
                      "Persistent particle identities frame by frame: the tracker of fix nanoparticle/track "
                      "and exsolve-analyze track (births, merges, splits, deaths, atom exchange; centres "
                      "unwrapped through periodic boundaries).")
      .def(py::init<double, long, int>(), py::arg("cutoff"), py::arg("min_size") = 1, py::arg("surface_axis") = 2)
      .def("add_frame", &Tracker::add_frame, py::arg("step"), py::arg("positions"), py::arg("atom_ids"), py::arg("box"),
           py::arg("selected") = py::none(),
           "Links this frame to the previous one. Returns a dict: step; particle_of_atom (persistent particle ID "
           "per atom, 0: free or not selected); particles (this frame's particles: id, atoms, unwrapped centre "
           "x y z, wrapped centre, radius_of_gyration, height, displacement from birth, birth_step); events "
           "(event, particle, other, particle_size, other_size). Tables are dicts of 1-D arrays.")
      .def_property_readonly("counts", &Tracker::counts,
                             "Events so far: births, merges, splits, deaths, exchanged_atoms.")
      .def_property_readonly("living", &Tracker::living, "The living particles by ascending ID, a table.")
      .def_property_readonly("next_id", &Tracker::next_id)
      .def_property_readonly("cutoff", &Tracker::cutoff)
      .def_property_readonly("min_size", &Tracker::min_size);
}

}  // namespace python
}  // namespace exsolve
