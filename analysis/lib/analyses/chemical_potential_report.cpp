#include "analyses/chemical_potential_report.h"

#include "analyses/report_common.h"
#include "io/atomic_output_file.h"
#include "io/table_schema.h"

#include <nlohmann/json.hpp>

namespace exsolve {
namespace analyses {

namespace column = io::column;

ChemicalPotentialRows read_run_chemical_potential(const io::AnalysisConfig &config)
{
  return read_chemical_potential_rows(config.chemical_potential_file, config.timestep);
}

void write_run_chemical_potential(const io::AnalysisConfig &config, const RunInfo &info,
                                  const std::vector<std::string> &dumps, const ChemicalPotentialRows &rows)
{
  const std::string dir = config.output + "/";
  write_chemical_potential_table(dir + io::tables::chemical_potential.file(), rows.particles);
  nlohmann::json sidecar = sidecar_header("exsolve-analyze report", info, dumps);
  sidecar["source"] = {{"file", config.chemical_potential_file},
                       {"written_by", "compute particle/chemical_potential through fix ave/time mode vector"},
                       {"timestep_ps", config.timestep},
                       {"bonds_column", rows.has_bonds}};
  sidecar["definitions"] = {
      {column::time_ps, "the output step's timestep times timestep_ps"},
      {column::particle, "the particle's ID (fix nanoparticle/track's)"},
      {column::atoms, "the particle's atoms in the compute's group"},
      {column::chemical_potential_excess_eV,
       "mu_p - mu_bulk: (2/3) of the particle's excess energy per atom (docs/compute_particle_chemical_potential.md)"},
      {column::bonds_per_interface_atom, "the compute's bonds column (null without its bonds keyword)"},
      {"mean_excess_eV", "the atom-weighted mean of mu_p - mu_bulk over the particles at each output step, "
                         "block-averaged over the second half of the steps (5 blocks of at least 2 steps; null "
                         "when there are fewer)"}};
  sidecar["mean_excess_eV"] = {{"value", rows.excess.value},
                               {"standard_error", rows.excess.standard_error},
                               {"blocks", rows.excess.samples},
                               {"output_steps", rows.mean_excess_eV.size()}};
  sidecar["tables"] = {io::tables::chemical_potential.file()};
  io::write_file_atomically(dir + io::output_file::chemical_potential_json, sidecar.dump(2) + "\n");
}

}  // namespace analyses
}  // namespace exsolve
