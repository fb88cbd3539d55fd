#include "owned_atoms.h"

#include "atom.h"
#include "atom_vec.h"
#include "domain.h"
#include "error.h"
#include "modify.h"
#include "neighbor.h"

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

std::uint64_t &OwnedAtoms::arrays_generation()
{
  static std::uint64_t generation = 0;
  return generation;
}

void OwnedAtoms::changed(int index)
{
  read(atoms_[index]);
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

bool OwnedAtoms::same_atoms_as_built(double cell_size) const
{
  // Atoms change owners, order and number only in a build; exsolve's own writes are counted
  // apart (arrays_generation), a new run starts with build().
  if (!reusable_ || pending_) return false;
  const BuiltFor &b = built_for_;
  if (b.neighbor_builds != neighbor->ncalls || b.natoms != atom->natoms || b.nlocal != atom->nlocal ||
      b.cell_size != cell_size || b.arrays_generation != arrays_generation() ||
      atoms_.size() != static_cast<std::size_t>(atom->nlocal))
    return false;
  for (int d = 0; d < 3; ++d)
    if (b.boxlo[d] != domain->boxlo[d] || b.boxhi[d] != domain->boxhi[d]) return false;
  return true;
}

void OwnedAtoms::write_back_others()
{
  // Another fix's accepted moves of this step first (fixes act in the order they were
  // defined; without this a fix would decide on, and write back over, the atoms as they
  // were before them). Writing them changes the arrays: no copy is kept after that.
  std::vector<OwnedAtoms *> others;
  for (OwnedAtoms *copy : pending_copies())
    if (copy != this && copy->lmp == lmp) others.push_back(copy);
  wrote_others_ = !others.empty();
  for (OwnedAtoms *copy : others) copy->write_back();
}

bool OwnedAtoms::refresh(double cell_size)
{
  write_back_others();
  const bool same_atoms = same_atoms_as_built(cell_size);
  // Before a new epoch: the copy's positions and types are those it last read.
  kept_unchanged_ = same_atoms && arrays_match_copy();
  // How far the atoms moved is measured here, not taken from LAMMPS: its check of its lists
  // (Neighbor::decide) comes after this step's integration, and bounds only the motion up
  // to the last step; a fix acting every N steps, or neigh_modify delay or check no, bound
  // nothing.
  if (same_atoms && !kept_unchanged_) {
    margin_ = measure_displacements();
    unmoved_since_binned_ = false;
  }
  if (kept_unchanged_ || (same_atoms && margin_ <= skin_)) {
    ++changes_;
    ++epoch_;
    all_read_ = false;
    verlet_ = !unmoved_since_binned_ && margin_ <= 0.5 * skin_;
    // A near list holds distances: true while no atom moved (a run of Monte Carlo alone).
    if (!kept_unchanged_) forget_near_lists();
    return false;
  }
  build_keepable_cells(cell_size);
  return true;
}

double OwnedAtoms::measure_displacements()
{
  measured_x_.resize(atoms_.size());
  double largest_sq = 0.0;
  for (std::size_t k = 0; k < atoms_.size(); ++k) {
    double *x = measured_x_[k].data();
    position_from_arrays(atoms_[k], x);
    const double *binned = binned_x_[k].data();
    double delta[3] = {x[0] - binned[0], x[1] - binned[1], x[2] - binned[2]};
    nearest_image(delta);
    largest_sq = std::max(largest_sq, delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2]);
  }
  return std::sqrt(largest_sq);
}

void OwnedAtoms::build_to_keep(double cell_size)
{
  write_back_others();
  build_keepable_cells(cell_size);
}

void OwnedAtoms::build_keepable_cells(double cell_size)
{
  kept_unchanged_ = false;
  // Binned a skin wider, so that a search of the kept copy (up to a skin further) and a
  // binned list still reach at most MAX_CELL_REACH cells.
  skin_ = neighbor->skin;
  build_cells(cell_size, cell_size + skin_);
  reusable_ = true;
  built_for_.neighbor_builds = neighbor->ncalls;
  built_for_.natoms = atom->natoms;
  built_for_.nlocal = atom->nlocal;
  built_for_.cell_size = cell_size;
  built_for_.arrays_generation = arrays_generation();
  for (int d = 0; d < 3; ++d) {
    built_for_.boxlo[d] = domain->boxlo[d];
    built_for_.boxhi[d] = domain->boxhi[d];
  }
}

bool OwnedAtoms::arrays_match_copy() const
{
  double x[3];
  for (const Atom &a : atoms_) {
    position_from_arrays(a, x);
    if (x[0] != a.x[0] || x[1] != a.x[1] || x[2] != a.x[2] || atom->type[a.local_index] != a.type ||
        atom->tag[a.local_index] != a.tag)
      return false;
  }
  return true;
}

void OwnedAtoms::build(double cell_size)
{
  write_back_others();
  kept_unchanged_ = false;
  build_cells(cell_size, cell_size);
  reusable_ = false;
}

void OwnedAtoms::build_cells(double cell_size, double bin_size)
{
  forget_pending();
  ++changes_;
  ++epoch_;
  all_read_ = true;
  margin_ = 0.0;
  unmoved_since_binned_ = true;
  verlet_ = false;
  ++binning_;
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
      n_cells_[d] = std::max(1, static_cast<int>(std::min(1e6, std::floor(length_[d] / (bin_size / per_size)))));
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
  for (std::vector<CellEntry> &cell : cells_) cell.clear();
  // Every entry is made below with the position just read.
  cell_epoch_.assign(cells_.size(), epoch_);
  atoms_.clear();
  atoms_.reserve(atom->nlocal);
  index_of_tag_.clear();
  index_of_tag_.reserve(atom->nlocal);
  binned_x_.resize(atom->nlocal);
  for (int i = 0; i < atom->nlocal; ++i) {
    Atom a;
    a.tag = atom->tag[i];
    a.present = true;
    a.local_index = i;
    read_from_arrays(a);
    insert(a);
    binned_x_[i] = {a.x[0], a.x[1], a.x[2]};
  }
}

void OwnedAtoms::wrap(double *x) const
{
  // Domain::pbc's arithmetic, so that positions (and the order of candidates by position)
  // are the ones a full evaluation sees.
  for (int d = 0; d < 3; ++d) {
    if (!periodic_[d]) continue;
    if (x[d] < domain->boxlo[d]) x[d] += domain->prd[d];
    if (x[d] >= domain->boxhi[d]) x[d] = std::max(x[d] - domain->prd[d], domain->boxlo[d]);
  }
}

void OwnedAtoms::position_from_arrays(const Atom &a, double *x) const
{
  for (int d = 0; d < 3; ++d) x[d] = atom->x[a.local_index][d];
  wrap(x);
}

void OwnedAtoms::read_from_arrays(Atom &a) const
{
  a.read_in = epoch_;
  if (a.local_index < 0) return;  // added in this invocation: only in the copy
  const int i = a.local_index;
  position_from_arrays(a, a.x);
  a.type = atom->type[i];
  a.mask = atom->mask[i];
  a.q = atom->q_flag ? atom->q[i] : 0.0;
  a.moved = false;
}

const std::vector<OwnedAtoms::Atom> &OwnedAtoms::atoms() const
{
  if (!all_read_) {
    for (Atom &a : atoms_) read(a);
    all_read_ = true;
  }
  return atoms_;
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

void OwnedAtoms::refresh_cell(int cell) const
{
  for (CellEntry &entry : cells_[cell]) {
    const double *x = current_position(atoms_[entry.index]);
    for (int d = 0; d < 3; ++d) entry.x[d] = x[d];
  }
  cell_epoch_[cell] = epoch_;
}

const std::vector<OwnedAtoms::NearEntry> &OwnedAtoms::near_list(int index) const
{
  if (near_lists_.size() < atoms_.size()) {
    near_lists_.resize(atoms_.size());
    near_list_epoch_.resize(atoms_.size(), 0);
  }
  std::vector<NearEntry> &list = near_lists_[index];
  if (near_list_epoch_[index] != lists_epoch_) {
    list.clear();
    // The present atoms: one removed later is skipped when visited (restore() forgets every list).
    // for_each_within's test, without branches: every candidate is written and the count
    // advances past those within (about one atom in three of the cells looked at is, a
    // branch that was mispredicted often enough to take most of the time here).
    const double *x = atoms_[index].x;
    const double cutoff_sq = cell_size_ * cell_size_;
    std::size_t n = 0;
    auto room_for = [&](std::size_t more) {
      // Grown only: resizing the list itself would clear it.
      if (candidates_.size() < n + more) candidates_.resize(2 * (n + more));
      return candidates_.data();
    };
    if (verlet_) {
      // The atoms binned near it, at the positions measured this epoch (those the cells
      // would give): a third of the atoms of the cells a search a skin further looks at.
      const std::vector<int> &binned = binned_list(index);
      NearEntry *out = room_for(binned.size());
      for (int near : binned) {
        const double rsq = distance_sq(measured_x_[near].data(), x);
        out[n] = {near, rsq};
        n += rsq < cutoff_sq ? 1 : 0;
      }
    } else {
      for_each_cell_within(x, cell_size_ + margin_, [&](int c) {
        const std::vector<CellEntry> &cell = current_cell(c);
        NearEntry *out = room_for(cell.size());
        for (const CellEntry &entry : cell) {
          const double rsq = distance_sq(entry.x, x);
          out[n] = {entry.index, rsq};
          n += rsq < cutoff_sq ? 1 : 0;
        }
      });
    }
    // Whether an atom is present is in its record: looked up for those within alone.
    for (std::size_t k = 0; k < n; ++k)
      if (atoms_[candidates_[k].index].present) list.push_back(candidates_[k]);
    near_list_epoch_[index] = lists_epoch_;
  }
  return list;
}

const std::vector<int> &OwnedAtoms::binned_list(int index) const
{
  if (binned_lists_.size() < atoms_.size()) {
    binned_lists_.resize(atoms_.size());
    binned_list_made_.resize(atoms_.size(), 0);
  }
  std::vector<int> &list = binned_lists_[index];
  if (binned_list_made_[index] != binning_) {
    list.clear();
    // Every atom binned there, present or not (a removal may be undone: restore()); the
    // cells' own positions are this epoch's, the binned ones are kept apart.
    const double *binned = binned_x_[index].data();
    const double reach = cell_size_ + skin_;
    const double reach_sq = reach * reach;
    for_each_cell_within(binned, reach, [&](int c) {
      for (const CellEntry &entry : cells_[c])
        if (distance_sq(binned_x_[entry.index].data(), binned) < reach_sq) list.push_back(entry.index);
    });
    binned_list_made_[index] = binning_;
  }
  return list;
}

int OwnedAtoms::find(tagint tag) const
{
  const auto found = index_of_tag_.find(tag);
  if (found == index_of_tag_.end()) return -1;
  read(atoms_[found->second]);
  return found->second;
}

void OwnedAtoms::remove(int index)
{
  changed(index);
  atoms_[index].present = false;
  index_of_tag_.erase(atoms_[index].tag);
}

void OwnedAtoms::restore(int index)
{
  read(atoms_[index]);
  ++changes_;
  forget_near_lists();
  atoms_[index].present = true;
  index_of_tag_[atoms_[index].tag] = index;
}

void OwnedAtoms::set_type_and_charge(int index, int type, double q)
{
  changed(index);
  atoms_[index].type = type;
  atoms_[index].q = q;
}

void OwnedAtoms::move_to(int index, const double *x)
{
  changed(index);
  Atom &a = atoms_[index];
  std::vector<CellEntry> &from = cells_[a.cell];
  from.erase(std::find_if(from.begin(), from.end(), [index](const CellEntry &e) { return e.index == index; }));
  for (int d = 0; d < 3; ++d) {
    a.x[d] = x[d];
    if (periodic_[d]) a.x[d] -= length_[d] * std::floor((a.x[d] - lo_[d]) / length_[d]);
  }
  a.moved = true;
  a.cell = cell_of(a.x);
  cells_[a.cell].push_back({{a.x[0], a.x[1], a.x[2]}, index});
  // It is no longer where it was binned: no binned list holds it for sure.
  verlet_ = false;
  forget_near_lists();
}

void OwnedAtoms::add(const Atom &a)
{
  insert(a);
  changed(static_cast<int>(atoms_.size()) - 1);
  // No binned list holds it.
  verlet_ = false;
  forget_near_lists();
}

void OwnedAtoms::insert(const Atom &a)
{
  const int index = static_cast<int>(atoms_.size());
  atoms_.push_back(a);
  Atom &inserted = atoms_.back();
  inserted.read_in = epoch_;
  inserted.cell = cell_of(inserted.x);
  cells_[inserted.cell].push_back({{inserted.x[0], inserted.x[1], inserted.x[2]}, index});
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

void OwnedAtoms::write_types_and_charges()
{
  if (!pending_) return;
  forget_pending();
  // The arrays change as this copy has them: it may still be kept, unlike the other copies.
  const bool current = built_for_.arrays_generation == arrays_generation();
  ++arrays_generation();
  if (current) built_for_.arrays_generation = arrays_generation();
  for (const Atom &a : atoms_) {
    if (a.read_in != epoch_) continue;
    if (a.local_index < 0 || !a.present || a.moved)
      error->one(FLERR,
                 "exsolve: internal error: atom {} was added, removed or moved; only its type and charge "
                 "can be written in place",
                 a.tag);
    atom->type[a.local_index] = a.type;
    if (atom->q_flag) atom->q[a.local_index] = a.q;
  }
}

void OwnedAtoms::write_back()
{
  if (!pending_) return;
  forget_pending();
  ++arrays_generation();
  std::vector<int> removed;
  for (const Atom &a : atoms_) {
    // An atom not read in this epoch was not changed in it (a change reads it first).
    if (a.read_in != epoch_) continue;
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
