#include "tables.h"

#include "arrays.h"

#include <pybind11/stl.h>

#include <string>

namespace exsolve {
namespace python {

namespace {

// Adds the column `name` holding get(row) for every row.
template <class Row, class Get>
void column(py::dict &table, const char *name, const std::vector<Row> &rows, Get get)
{
  using Value = decltype(get(rows.front()));
  std::vector<Value> values;
  values.reserve(rows.size());
  for (const Row &row : rows) values.push_back(get(row));
  table[name] = to_numpy(std::move(values));
}

}  // namespace

py::dict particle_table(const std::vector<core::ParticleRecord> &particles)
{
  using P = core::ParticleRecord;
  py::dict t;
  column(t, "label", particles, [](const P &p) { return std::int64_t(p.label); });
  column(t, "atoms", particles, [](const P &p) { return std::int64_t(p.atoms); });
  column(t, "x", particles, [](const P &p) { return p.centre_of_mass[0]; });
  column(t, "y", particles, [](const P &p) { return p.centre_of_mass[1]; });
  column(t, "z", particles, [](const P &p) { return p.centre_of_mass[2]; });
  column(t, "radius_of_gyration", particles, [](const P &p) { return p.radius_of_gyration; });
  column(t, "height", particles, [](const P &p) { return p.height; });
  column(t, "equivalent_diameter", particles, [](const P &p) { return p.equivalent_diameter; });
  return t;
}

py::dict tracked_particle_table(const std::vector<core::TrackedParticle> &particles)
{
  using P = core::TrackedParticle;
  py::dict t;
  column(t, "id", particles, [](const P &p) { return std::int64_t(p.id); });
  column(t, "atoms", particles, [](const P &p) { return std::int64_t(p.atoms); });
  column(t, "x", particles, [](const P &p) { return p.unwrapped_centre[0]; });
  column(t, "y", particles, [](const P &p) { return p.unwrapped_centre[1]; });
  column(t, "z", particles, [](const P &p) { return p.unwrapped_centre[2]; });
  column(t, "wrapped_x", particles, [](const P &p) { return p.wrapped_centre[0]; });
  column(t, "wrapped_y", particles, [](const P &p) { return p.wrapped_centre[1]; });
  column(t, "wrapped_z", particles, [](const P &p) { return p.wrapped_centre[2]; });
  column(t, "radius_of_gyration", particles, [](const P &p) { return p.radius_of_gyration; });
  column(t, "height", particles, [](const P &p) { return p.height; });
  column(t, "displacement", particles, [](const P &p) { return p.displacement(); });
  column(t, "birth_step", particles, [](const P &p) { return std::int64_t(p.birth_step); });
  return t;
}

py::dict event_table(const core::TrackedFrame &frame)
{
  // Exchanges as rows of the same table (particle: the receiving ID, other: the giving one,
  // particle_size: the atoms moved), as events.csv of exsolve-analyze track has them.
  std::vector<core::ParticleEvent> rows = frame.events;
  std::vector<std::string> names;
  for (const core::ParticleEvent &e : frame.events) names.emplace_back(core::name_of(e.type));
  for (const auto &flux : frame.exchanged) {
    core::ParticleEvent e{};
    e.particle = flux.first.second;
    e.other = flux.first.first;
    e.particle_size = flux.second;
    rows.push_back(e);
    names.emplace_back(core::event_name::exchange);
  }
  using E = core::ParticleEvent;
  py::dict t;
  t["event"] = py::cast(names);
  column(t, "particle", rows, [](const E &e) { return std::int64_t(e.particle); });
  column(t, "other", rows, [](const E &e) { return std::int64_t(e.other); });
  column(t, "particle_size", rows, [](const E &e) { return std::int64_t(e.particle_size); });
  column(t, "other_size", rows, [](const E &e) { return std::int64_t(e.other_size); });
  return t;
}

py::dict bond_table(const std::vector<core::ParticleBondRow> &rows)
{
  using R = core::ParticleBondRow;
  py::dict t;
  column(t, "particle", rows, [](const R &r) { return std::int64_t(r.particle_id); });
  column(t, "atoms", rows, [](const R &r) { return std::int64_t(r.atoms); });
  column(t, "interface_atoms", rows, [](const R &r) { return std::int64_t(r.interface_atoms); });
  column(t, "bonds", rows, [](const R &r) { return std::int64_t(r.bonds); });
  column(t, "bonds_per_interface_atom", rows, [](const R &r) { return r.bonds_per_interface_atom(); });
  return t;
}

py::dict socket_table(const std::vector<core::SocketRecord> &records)
{
  using S = core::SocketRecord;
  py::dict t;
  column(t, "particle", records, [](const S &s) { return std::int64_t(s.particle); });
  column(t, "bottom", records, [](const S &s) { return s.bottom; });
  column(t, "top", records, [](const S &s) { return s.top; });
  column(t, "rim_height", records, [](const S &s) { return s.rim_height; });
  column(t, "depth_local", records, [](const S &s) { return s.depth_local; });
  column(t, "depth_global", records, [](const S &s) { return s.depth_global; });
  column(t, "submerged_fraction", records, [](const S &s) { return s.submerged_fraction; });
  column(t, "rim_cells", records, [](const S &s) { return std::int64_t(s.rim_cells); });
  return t;
}

}  // namespace python
}  // namespace exsolve
