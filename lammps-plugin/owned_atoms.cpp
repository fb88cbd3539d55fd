#include "owned_atoms.h"

#include "atom.h"
#include "atom_vec.h"
#include "domain.h"
#include "modify.h"

#include <algorithm>
#include <cmath>

using namespace LAMMPS_NS;

namespace exsolve {

namespace {

// The Monte Carlo fixes' copies with changes not yet in the atom arrays, of every LAMMPS
// instance of the process.
std::vector<OwnedAtoms *> &pending_copies()
{
  static std::vector<OwnedAtoms *> copies;
  return copies;
}

}  // namespace

OwnedAtoms::~OwnedAtoms()
{
  forget_pending();
}

void OwnedAtoms::changed()
{
  ++changes_;
  if (role_ != Role::WRITES_BACK || pending_) return;
  pending_ = true;
  pending_copies().push_back(this);
}

void OwnedAtoms::forget_pending()
{
  if (!pending_) return;
  pending_ = false;
  auto &copies = pending_copies();
  copies.erase(std::find(copies.begin(), copies.end(), this));
}

void OwnedAtoms::build(double cell_size)
{
  // Another fix's accepted moves of this step first (fixes act in the order they were
  // defined; without this a fix would decide on, and write back over, the atoms as they
  // were before them).
  std::vector<OwnedAtoms *> others;
  for (OwnedAtoms *copy : pending_copies())
    if (copy != this && copy->lmp == lmp) others.push_back(copy);
  for (OwnedAtoms *copy : others) copy->write_back();
  forget_pending();
  ++changes_;
  for (int d = 0; d < 3; ++d) {
    lo_[d] = domain->boxlo[d];
    length_[d] = domain->boxhi[d] - domain->boxlo[d];
    periodic_[d] = domain->periodicity[d] != 0;
  }
  // Half-size cells, unless they would far outnumber the atoms (a box of mostly vacuum):
  // then cells of the full size.
  const double max_cells = std::max(4096.0, 4.0 * atom->nlocal);
  for (int per_size = MAX_CELL_REACH; per_size >= 1; --per_size) {
    double count = 1.0;
    for (int d = 0; d < 3; ++d) {
      n_cells_[d] = std::max(1, static_cast<int>(std::min(1e6, std::floor(length_[d] / (cell_size / per_size)))));
      cell_width_[d] = length_[d] / n_cells_[d];
      count *= n_cells_[d];
    }
    if (count <= max_cells) break;
  }
  cell_size_ = cell_size;
  forget_near_lists();
  // The cells and the ID map keep their memory from the last invocation: what grows with
  // the atoms here should be the copy alone.
  cells_.resize(static_cast<std::size_t>(n_cells_[0]) * n_cells_[1] * n_cells_[2]);
  for (std::vector<int> &cell : cells_) cell.clear();
  atoms_.clear();
  atoms_.reserve(atom->nlocal);
  index_of_tag_.clear();
  index_of_tag_.reserve(atom->nlocal);
  for (int i = 0; i < atom->nlocal; ++i) {
    Atom a;
    for (int d = 0; d < 3; ++d) {
      // Wrapped into the periodic box with Domain::pbc's arithmetic, so that positions (and
      // the order of candidates by position) are the ones a full evaluation sees.
      a.x[d] = atom->x[i][d];
      if (!periodic_[d]) continue;
      if (a.x[d] < domain->boxlo[d]) a.x[d] += domain->prd[d];
      if (a.x[d] >= domain->boxhi[d]) a.x[d] = std::max(a.x[d] - domain->prd[d], domain->boxlo[d]);
    }
    a.tag = atom->tag[i];
    a.type = atom->type[i];
    a.mask = atom->mask[i];
    a.q = atom->q_flag ? atom->q[i] : 0.0;
    a.present = true;
    a.local_index = i;
    insert(a);
  }
}

int OwnedAtoms::cell_of(const double *x) const
{
  int cell[3];
  for (int d = 0; d < 3; ++d) {
    int c = static_cast<int>(std::floor((x[d] - lo_[d]) / length_[d] * n_cells_[d]));
    if (periodic_[d]) c = ((c % n_cells_[d]) + n_cells_[d]) % n_cells_[d];
    cell[d] = std::min(std::max(c, 0), n_cells_[d] - 1);
  }
  return (cell[2] * n_cells_[1] + cell[1]) * n_cells_[0] + cell[0];
}

const std::vector<int> &OwnedAtoms::near_list(int index) const
{
  if (near_lists_.size() < atoms_.size()) {
    near_lists_.resize(atoms_.size());
    near_list_epoch_.resize(atoms_.size(), 0);
  }
  std::vector<int> &list = near_lists_[index];
  if (near_list_epoch_[index] != lists_epoch_) {
    list.clear();
    const Atom *first = atoms_.data();
    for_each_within(atoms_[index].x, cell_size_, [&](const Atom &atom, double) { list.push_back(&atom - first); });
    near_list_epoch_[index] = lists_epoch_;
  }
  return list;
}

int OwnedAtoms::find(tagint tag) const
{
  const auto found = index_of_tag_.find(tag);
  return found == index_of_tag_.end() ? -1 : found->second;
}

void OwnedAtoms::remove(int index)
{
  changed();
  atoms_[index].present = false;
  index_of_tag_.erase(atoms_[index].tag);
}

void OwnedAtoms::restore(int index)
{
  ++changes_;
  forget_near_lists();
  atoms_[index].present = true;
  index_of_tag_[atoms_[index].tag] = index;
}

void OwnedAtoms::set_type_and_charge(int index, int type, double q)
{
  changed();
  atoms_[index].type = type;
  atoms_[index].q = q;
}

void OwnedAtoms::move_to(int index, const double *x)
{
  Atom &a = atoms_[index];
  std::vector<int> &from = cells_[cell_of(a.x)];
  from.erase(std::find(from.begin(), from.end(), index));
  for (int d = 0; d < 3; ++d) {
    a.x[d] = x[d];
    if (periodic_[d]) a.x[d] -= length_[d] * std::floor((a.x[d] - lo_[d]) / length_[d]);
  }
  a.moved = true;
  cells_[cell_of(a.x)].push_back(index);
  changed();
  forget_near_lists();
}

void OwnedAtoms::add(const Atom &a)
{
  changed();
  forget_near_lists();
  insert(a);
}

void OwnedAtoms::insert(const Atom &a)
{
  const int index = static_cast<int>(atoms_.size());
  atoms_.push_back(a);
  cells_[cell_of(a.x)].push_back(index);
  index_of_tag_[a.tag] = index;
}

void create_in_atom_arrays(LAMMPS *lmp, const OwnedAtoms::Atom &a)
{
  Atom *atom = lmp->atom;
  double x[3] = {a.x[0], a.x[1], a.x[2]};
  atom->avec->create_atom(a.type, x);
  const int n = atom->nlocal - 1;
  atom->tag[n] = a.tag;
  atom->mask[n] = a.mask;
  if (atom->q_flag) atom->q[n] = a.q;
  for (int d = 0; d < 3; ++d) atom->v[n][d] = 0.0;
  // Other fixes' per-atom data for the new atom (as fix deposit does).
  lmp->modify->create_attribute(n);
}

void OwnedAtoms::write_back()
{
  if (!pending_) return;
  forget_pending();
  std::vector<int> removed;
  for (const Atom &a : atoms_) {
    if (a.local_index < 0) {
      if (a.present) create_in_atom_arrays(lmp, a);
    } else if (!a.present) {
      removed.push_back(a.local_index);
    } else {
      atom->type[a.local_index] = a.type;
      if (atom->q_flag) atom->q[a.local_index] = a.q;
      if (a.moved)
        for (int d = 0; d < 3; ++d) atom->x[a.local_index][d] = a.x[d];
    }
  }
  // From the highest index down: moving the last atom into a removed one's slot never moves
  // an atom still to be removed.
  std::sort(removed.rbegin(), removed.rend());
  for (int i : removed) {
    atom->avec->copy(atom->nlocal - 1, i, 1);
    atom->nlocal--;
  }
  // The ghosts and the ID map no longer match the owned atoms; LAMMPS rebuilds both in the
  // reneighboring that follows.
  atom->nghost = 0;
  if (atom->map_style != LAMMPS_NS::Atom::MAP_NONE) {
    atom->map_init();
    atom->map_set();
  }
}

}  // namespace exsolve
