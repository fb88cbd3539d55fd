// Per-particle and per-event results as tables: a dict of equal-length 1-D numpy arrays,
// one per column, so that pandas.DataFrame(table) is the tidy table the CLI writes as CSV.
#pragma once

#include "core/particle_bond_table.h"
#include "core/particle_census.h"
#include "core/particle_tracker.h"
#include "core/socket_depth.h"

#include <pybind11/pybind11.h>

#include <vector>

namespace exsolve {
namespace python {

namespace py = pybind11;

py::dict particle_table(const std::vector<core::ParticleRecord> &particles);
py::dict tracked_particle_table(const std::vector<core::TrackedParticle> &particles);
py::dict event_table(const core::TrackedFrame &frame);  // births, merges, splits, deaths, then exchanges
py::dict bond_table(const std::vector<core::ParticleBondRow> &rows);
py::dict socket_table(const std::vector<core::SocketRecord> &records);

}  // namespace python
}  // namespace exsolve
