// The particle chemical potential in `report`: the rows of compute
// particle/chemical_potential that the run wrote (the configuration's
// chemical_potential_file) as chemical_potential.csv with a sidecar, and the run's mean of
// mu_p - mu_bulk for the page's key numbers. (The dumps cannot give it: it needs the
// potential's energies, which the compute evaluates inside LAMMPS.)
#pragma once

#include "analyses/chemical_potential_rows.h"
#include "analyses/run_info.h"
#include "io/analysis_config.h"

#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

// The rows of config.chemical_potential_file (which must be given); throws
// std::runtime_error naming the file for rows that cannot be read. Read before the dumps
// are analysed, so that a bad file stops the report before it writes anything.
ChemicalPotentialRows read_run_chemical_potential(const io::AnalysisConfig &config);

// Writes them as chemical_potential.csv and chemical_potential.json into config.output.
void write_run_chemical_potential(const io::AnalysisConfig &config, const RunInfo &info,
                                  const std::vector<std::string> &dumps, const ChemicalPotentialRows &rows);

}  // namespace analyses
}  // namespace exsolve
