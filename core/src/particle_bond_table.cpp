#include "core/particle_bond_table.h"

#include <stdexcept>

namespace exsolve {
namespace core {

static constexpr std::size_t FIELDS = 4;

void ParticleBondTable::add_atom(long particle_id, int n_bonds)
{
  ParticleBondRow &row = rows_[particle_id];
  row.particle_id = particle_id;
  row.atoms += 1.0;
  if (n_bonds > 0) row.interface_atoms += 1.0;
  row.bonds += n_bonds;
}

std::vector<double> ParticleBondTable::flatten() const
{
  std::vector<double> flat;
  flat.reserve(FIELDS * rows_.size());
  for (const auto &entry : rows_) {
    const ParticleBondRow &row = entry.second;
    flat.insert(flat.end(), {static_cast<double>(row.particle_id), row.atoms, row.interface_atoms, row.bonds});
  }
  return flat;
}

void ParticleBondTable::merge_flat(const std::vector<double> &flat)
{
  if (flat.size() % FIELDS != 0)
    throw std::invalid_argument("ParticleBondTable::merge_flat: length is not a multiple of 4");
  for (std::size_t k = 0; k < flat.size(); k += FIELDS) {
    const long id = static_cast<long>(flat[k]);
    ParticleBondRow &row = rows_[id];
    row.particle_id = id;
    row.atoms += flat[k + 1];
    row.interface_atoms += flat[k + 2];
    row.bonds += flat[k + 3];
  }
}

std::vector<ParticleBondRow> ParticleBondTable::rows() const
{
  std::vector<ParticleBondRow> out;
  out.reserve(rows_.size());
  for (const auto &entry : rows_) out.push_back(entry.second);
  return out;
}

}  // namespace core
}  // namespace exsolve
