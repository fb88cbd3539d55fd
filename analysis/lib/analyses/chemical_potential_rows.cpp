#include "analyses/chemical_potential_rows.h"

#include "analyses/demo_run_layout.h"
#include "io/atomic_output_file.h"
#include "io/ave_time_rows_file.h"
#include "io/table_schema.h"

#include <cmath>

namespace exsolve {
namespace analyses {

ChemicalPotentialRows read_chemical_potential_rows(const std::string &path, double ps_per_step)
{
  namespace col = demo_run::chemical_potential_column;
  const io::AveTimeRows file = io::read_ave_time_rows_file(path);
  const std::size_t particle = file.column(col::particle), atoms = file.column(col::atoms),
                    excess = file.column(col::excess_eV);
  ChemicalPotentialRows out;
  out.has_bonds = col::has_bonds(file.names.size());
  const std::size_t bonds = out.has_bonds ? file.column(col::bonds_per_interface_atom) : file.names.size();
  for (const io::AveTimeRows::Block &block : file.blocks) {
    double weighted = 0.0, total_atoms = 0.0;
    for (const std::vector<double> &row : block.rows) {
      out.particles.push_back({block.timestep * ps_per_step, static_cast<long>(row[particle]),
                               static_cast<int>(row[atoms]), row[excess],
                               bonds < row.size() ? row[bonds] : std::nan("")});
      weighted += row[atoms] * row[excess];
      total_atoms += row[atoms];
    }
    if (total_atoms > 0) out.mean_excess_eV.push_back(weighted / total_atoms);
  }
  const std::vector<double> &means = out.mean_excess_eV;
  out.excess = core::block_average(std::vector<double>(means.begin() + means.size() / 2, means.end()), 5, 2);
  return out;
}

void write_chemical_potential_table(const std::string &path, const std::vector<ParticleChemicalPotential> &rows)
{
  io::AtomicOutputFile table(path);
  table.write(io::tables::chemical_potential.header_line());
  for (const ParticleChemicalPotential &p : rows)
    table.print("{},{},{},{},{}\n", p.time_ps, p.particle, p.atoms, p.excess_eV, p.bonds_per_interface_atom);
  table.commit();
}

}  // namespace analyses
}  // namespace exsolve
