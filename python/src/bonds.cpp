// Metal–oxygen bonds: per-type-pair cutoffs read by the rules of compute interface/bonds
// (core/pair_cutoff_rules), per-atom counts (core/bond_counter) and per-particle rows
// (core/particle_bond_table), as exsolve-analyze bonds counts them.
#include "arrays.h"
#include "bindings.h"
#include "box.h"
#include "tables.h"

#include "core/bond_counter.h"
#include "core/pair_cutoff_rules.h"
#include "core/particle_bond_table.h"

#include <pybind11/stl.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace exsolve {
namespace python {

namespace {

// `cutoff` for every pair, then `pairs` [(itypes, jtypes, Å), ...] with LAMMPS type ranges
// ("3", "*", "2*4"), later entries overriding earlier ones: the `cutoff` keywords of
// compute interface/bonds and bond_cutoff / bond_cutoffs of exsolve-analyze.
core::PairCutoffs make_cutoffs(int n_types, const py::object &cutoff,
                               const std::vector<std::tuple<py::object, py::object, double>> &pairs)
{
  if (n_types < 1) throw py::value_error("n_types: expects at least 1 atom type, got " + std::to_string(n_types));
  std::vector<core::CutoffRule> rules;
  const std::size_t first_pair = cutoff.is_none() ? 0 : 1;
  if (!cutoff.is_none()) rules.push_back({"", "", cutoff.cast<double>()});
  for (const auto &pair : pairs)
    rules.push_back({py::str(std::get<0>(pair)).cast<std::string>(), py::str(std::get<1>(pair)).cast<std::string>(),
                     std::get<2>(pair)});
  core::PairCutoffs table(n_types);
  try {
    core::apply_cutoff_rules(rules, table);
  } catch (const core::CutoffRuleError &e) {
    if (e.rule_index() < first_pair) throw py::value_error(std::string("cutoff: ") + e.what());
    throw py::value_error("pairs[" + std::to_string(e.rule_index() - first_pair) + "]: " + e.what());
  }
  return table;
}

// Per atom: 1 if its type is one of `wanted` (types 1..n_types).
std::vector<char> of_types(const std::vector<int> &types, const std::vector<int> &wanted, int n_types, const char *name)
{
  std::vector<char> is_wanted(static_cast<std::size_t>(n_types) + 1, 0);
  for (int t : wanted) {
    if (t < 1 || t > n_types)
      throw py::value_error(std::string(name) + ": type " + std::to_string(t) + " is outside 1.." +
                            std::to_string(n_types) + " (the cutoffs' types)");
    is_wanted[t] = 1;
  }
  std::vector<char> out(types.size());
  for (std::size_t i = 0; i < types.size(); ++i) out[i] = types[i] >= 1 && types[i] <= n_types && is_wanted[types[i]];
  return out;
}

py::array_t<int> bond_counts(const py::object &positions_in, const py::object &types_in, const core::PeriodicBox &box,
                             const core::PairCutoffs &cutoffs, const std::vector<int> &metal_types,
                             const std::vector<int> &oxygen_types)
{
  const std::vector<core::Vec3> positions = positions_arg(positions_in, "positions", box);
  const std::vector<int> types = int_arg(types_in, "types", static_cast<long>(positions.size()));
  const int largest = types.empty() ? 0 : *std::max_element(types.begin(), types.end());
  if (largest > cutoffs.n_types())
    throw py::value_error("types: type " + std::to_string(largest) + " is beyond the cutoffs' " +
                          std::to_string(cutoffs.n_types()) + " types");
  const std::vector<char> is_metal = of_types(types, metal_types, cutoffs.n_types(), "metal_types");
  const std::vector<char> is_oxygen = of_types(types, oxygen_types, cutoffs.n_types(), "oxygen_types");
  if (!(cutoffs.max_cutoff() > 0.0)) throw py::value_error("cutoffs: no type pair has a cutoff > 0");
  return to_numpy(with_box_named([&]() {
    return core::count_metal_oxygen_bonds(core::BondCountInput{&positions, &types, &is_metal, &is_oxygen}, box,
                                          cutoffs);
  }));
}

py::dict particle_bonds(const py::object &particle_in, const py::object &bonds_in)
{
  const std::vector<std::int64_t> particle_of_atom = int64_arg(particle_in, "particle_of_atom", -1);
  const std::vector<int> bonds = int_arg(bonds_in, "bond_counts", static_cast<long>(particle_of_atom.size()));
  core::ParticleBondTable table;
  for (std::size_t i = 0; i < bonds.size(); ++i)
    if (particle_of_atom[i] != 0) table.add_atom(static_cast<long>(particle_of_atom[i]), bonds[i]);
  return bond_table(table.rows());
}

}  // namespace

void bind_bonds(py::module_ &m)
{
  py::class_<core::PairCutoffs>(m, "PairCutoffs",
                                "Bond cutoffs per pair of atom types (1..n_types); bonded means r < cutoff.")
      .def(py::init(&make_cutoffs), py::arg("n_types"), py::arg("cutoff") = py::none(),
           py::arg("pairs") = std::vector<std::tuple<py::object, py::object, double>>{},
           "`cutoff` (Å) for every type pair, then `pairs`, a list of (itypes, jtypes, Å) with LAMMPS type "
           "ranges ('3', '*', '2*4'), later entries overriding earlier ones: the cutoff keywords of compute "
           "interface/bonds. Pairs nothing sets are never bonded.")
      .def_property_readonly("n_types", &core::PairCutoffs::n_types)
      .def("cutoff", &core::PairCutoffs::cutoff, py::arg("type_i"), py::arg("type_j"))
      .def_property_readonly("max_cutoff", &core::PairCutoffs::max_cutoff);
  m.def("bond_counts", &bond_counts, py::arg("positions"), py::arg("types"), py::arg("box"), py::arg("cutoffs"),
        py::arg("metal_types"), py::arg("oxygen_types"),
        "Per atom, its oxygen partners within the pair's cutoff (int32; 0 for atoms not of metal_types), across "
        "periodic boundaries: the count of compute interface/bonds and exsolve-analyze bonds.");
  m.def("particle_bonds", &particle_bonds, py::arg("particle_of_atom"), py::arg("bond_counts"),
        "Per particle (atoms with particle_of_atom != 0): atoms, interface atoms (at least one bond), bonds and "
        "bonds per interface atom, a table by particle.");
}

}  // namespace python
}  // namespace exsolve
