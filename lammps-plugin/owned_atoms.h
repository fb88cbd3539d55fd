// The atoms one rank owns, copied at the start of a Monte Carlo invocation into cells of the
// whole box, with the invocation's accepted moves applied to the copy: fix reduce/oxygen
// finds the atoms near a site in it (O(1) per query instead of a loop over all atoms) and,
// with local energies, leaves the atom arrays alone until the invocation ends.
// Between two neighbor list builds of LAMMPS the copy can be kept (refresh()) as LAMMPS keeps
// its lists: the same atoms at the same local indices, binned where they were, searched as
// much further as the farthest atom moved since (measured at each refresh, at most a skin),
// the positions of a cell's atoms read anew from the atom arrays the first time an invocation
// looks at the cell, an atom's type, mask and charge when it is visited. While no atom moved
// further than half the skin, an atom's near list is cut from a list kept since binning (the
// atoms within the cell size plus the skin of where it was binned), Verlet-style; while no
// atom moved at all, the near lists of the last invocation are kept. An invocation then
// costs one pass over the owned atoms that compares their positions with the copy's.
#pragma once

#include "lammps.h"
#include "lmptype.h"
#include "pointers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace exsolve {

// A position as integers of 1e-6 Å: an order of atoms that does not depend on the domain
// decomposition (atom IDs from create_atoms do) nor on rounding in the last bits; the Monte
// Carlo styles order their candidates by it, so that every rank makes the same choices.
inline std::array<long long, 3> position_key(const double *x)
{
  return {std::llround(x[0] * 1e6), std::llround(x[1] * 1e6), std::llround(x[2] * 1e6)};
}

// Orders items by the position_key of position(item), each key computed once (a sort
// compares every item about log2(n) times: on tens of thousands of candidates the keys
// were most of an invocation's fixed cost).
template <class T, class Position>
void sort_by_position(std::vector<T> &items, Position position)
{
  std::vector<std::pair<std::array<long long, 3>, std::size_t>> keyed(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) keyed[k] = {position_key(position(items[k])), k};
  std::sort(keyed.begin(), keyed.end());
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (const auto &entry : keyed) sorted.push_back(items[entry.second]);
  items.swap(sorted);
}

class OwnedAtoms : protected LAMMPS_NS::Pointers {
 public:
  struct Atom {
    double x[3];
    LAMMPS_NS::tagint tag;
    int type, mask;
    double q;                     // 0 without charges
    bool present;                 // false once removed
    int local_index;              // in the atom arrays; -1 for an atom added during the invocation
    bool moved = false;           // its position changed during the invocation (move_to)
    int cell = -1;                // the cell it is listed in
    std::uint64_t read_in = 0;    // the copy's epoch its fields were read from the atom arrays in
    std::uint64_t x_read_in = 0;  // the epoch its position alone was read in (by a search)
  };
  // Whether the copy's changes go to the atom arrays (write_back): a Monte Carlo fix's copy.
  enum class Role { READ_ONLY, WRITES_BACK };
  explicit OwnedAtoms(LAMMPS_NS::LAMMPS *lmp, Role role = Role::READ_ONLY) : Pointers(lmp), role_(role) {}
  ~OwnedAtoms();
  OwnedAtoms(const OwnedAtoms &) = delete;
  OwnedAtoms &operator=(const OwnedAtoms &) = delete;
  // Copies the owned atoms into cells for searches up to `cell_size` Å (orthogonal box). Another
  // Monte Carlo fix's changes not yet written back (several fixes acting on one step) are
  // written back first: every fix decides on the atoms as the fixes before it left them.
  void build(double cell_size);
  // The last build() or refresh() wrote another copy's changes to the atom arrays: the ghosts
  // are gone until LAMMPS reneighbors on this step (its write_back forced that).
  bool wrote_other_copies() const { return wrote_others_; }
  // build(), or where LAMMPS has not rebuilt its neighbor lists since the last refresh() or
  // build_to_keep() that built, no atom moved more than the skin from where the copy binned it
  // and nothing else changed the atom arrays or the box, the same copy with every atom to be
  // read anew. True where it built. After build() (a run's init()) the next refresh() builds
  // (LAMMPS's build counter starts again in a new run).
  bool refresh(double cell_size);
  // build(), binned as refresh() bins, so that the next refresh() may keep the copy: where a
  // step's set-up may have rebuilt LAMMPS's lists without a count refresh() can see (each
  // run's setup counts the builds from 0 again; PRD and TAD set up without an init).
  void build_to_keep(double cell_size);
  // The last refresh() kept the copy and found every owned atom where the copy has it, with
  // the type it has: nothing moved or retyped the atoms since the copy's last invocation
  // (its own moves written in place included). Its near lists are kept then.
  bool kept_unchanged() const { return kept_unchanged_; }
  // Every atom, current (on a kept copy the first call of an invocation reads them all).
  const std::vector<Atom> &atoms() const;
  // One atom, current; index from find() or a visit (index_of).
  const Atom &atom_at(int index) const
  {
    read(atoms_[index]);
    return atoms_[index];
  }
  int index_of(const Atom &a) const { return static_cast<int>(&a - atoms_.data()); }
  std::size_t size() const { return atoms_.size(); }
  // How many times the copy was built or changed: what is kept of it elsewhere (densities)
  // is current only while this stays the same.
  std::uint64_t changes() const { return changes_; }
  // Index of the present atom with this ID, -1 if this rank holds none.
  int find(LAMMPS_NS::tagint tag) const;
  // Calls visit(atom, squared distance) for every present atom within `cutoff` of x (the
  // nearest periodic image; cutoff <= cell size and the box at least twice the cutoff).
  template <class Visit>
  void for_each_within(const double *x, double cutoff, Visit &&visit) const;
  // The same visits, where x is the place of the atom with this ID: where this rank holds
  // that atom there, from a list of the atoms within the cell size of it, made the first
  // time it is asked for and kept until an atom is moved, added or restored (a Monte Carlo
  // invocation looks around the same atoms many times). The same atoms as for_each_within,
  // in an order of the cells around the atom (where the list is cut from its binned list,
  // around where it was binned: sums over it may differ in the last bits).
  template <class Visit>
  void for_each_within_atom(LAMMPS_NS::tagint tag, const double *x, double cutoff, Visit &&visit) const;
  // An atom within the cell size of another and their squared distance (positions do not
  // change while a list is kept: moving an atom forgets every list).
  struct NearEntry {
    int index;
    double rsq;
  };
  // The near list for_each_within_atom(tag, x, cutoff, ...) walks, null where it searches the
  // cells instead: for a loop that keeps its sums in registers (a Monte Carlo trial's). Its
  // visits are the entries with rsq < cutoff * cutoff whose present_atom_at() is not null.
  const std::vector<NearEntry> *near_list_for(LAMMPS_NS::tagint tag, const double *x, double cutoff) const
  {
    const int index = find(tag);
    if (index < 0 || cutoff > cell_size_ || atoms_[index].x[0] != x[0] || atoms_[index].x[1] != x[1] ||
        atoms_[index].x[2] != x[2])
      return nullptr;
    return &near_list(index);
  }
  // The atom, current, where it is present; else null.
  const Atom *present_atom_at(int index) const
  {
    Atom &a = atoms_[index];
    if (!a.present) return nullptr;
    read(a);
    return &a;
  }
  void remove(int index);
  // Makes a removed atom present again (as it was before remove()).
  void restore(int index);
  void set_type_and_charge(int index, int type, double q);
  // Puts the atom at x (wrapped into the periodic box): its cell follows, and write_back
  // moves it in the atom arrays (LAMMPS migrates it to its new owner when it reneighbors).
  void move_to(int index, const double *x);
  void add(const Atom &atom);
  // Exsolve changed the atom arrays outside a copy (a full-energy trial): no copy is kept.
  static void atom_arrays_changed() { ++arrays_generation(); }
  // How many times exsolve changed the atom arrays (write-backs, writes in place, full-energy
  // trials): the same count at two moments means exsolve changed nothing in between.
  static std::uint64_t arrays_written() { return arrays_generation(); }
  // Applies every change of the invocation to the atom arrays: types, charges, positions, added
  // atoms (their other fixes' per-atom data through create_attribute), removed atoms; drops
  // the ghosts and resets the ID map (call only on a step LAMMPS reneighbors: from
  // post_integrate on). The atom arrays must be as build() found them. Nothing to do when
  // nothing changed since build() or the last write_back().
  void write_back();
  // write_back() for a copy whose changes are types and charges only (an error otherwise):
  // they go to the owned atoms in place, the ghosts and the ID map are kept (their owners'
  // new types and charges reach the ghosts by a forward communication of the caller), so
  // that it may be called on any step.
  void write_types_and_charges();
  // The nearest image of a displacement (periodic axes of the orthogonal box). Inline: it
  // runs for every atom a search looks at.
  void nearest_image(double *delta) const
  {
    for (int d = 0; d < 3; ++d) {
      if (!periodic_[d]) continue;
      if (delta[d] > 0.5 * length_[d]) delta[d] -= length_[d];
      else if (delta[d] < -0.5 * length_[d]) delta[d] += length_[d];
    }
  }
  // The squared distance between a and b, nearest images.
  double distance_sq(const double *a, const double *b) const
  {
    double delta[3] = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    nearest_image(delta);
    return delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2];
  }

 private:
  int cell_of(const double *x) const;
  // The atom's position (wrapped into the periodic box), type, mask and charge from the atom
  // arrays, once per epoch (a kept copy's atoms moved since they were binned).
  void read(Atom &a) const
  {
    if (a.read_in != epoch_) read_from_arrays(a);
  }
  void read_from_arrays(Atom &a) const;
  // Its current position, read from the atom arrays at most once per epoch: a cell brought
  // up to date holds many atoms no search visits (their other fields wait for read()).
  const double *current_position(Atom &a) const
  {
    if (a.read_in != epoch_ && a.x_read_in != epoch_) {
      position_from_arrays(a, a.x);
      a.x_read_in = epoch_;
    }
    return a.x;
  }
  // Its position in the atom arrays, wrapped (an atom of the copy's start: local_index >= 0).
  void position_from_arrays(const Atom &a, double *x) const;
  // Wraps x into the periodic box as Domain::pbc does.
  void wrap(double *x) const;
  static std::uint64_t &arrays_generation();
  // An atom listed in a cell with its current position: a search reads the positions of
  // the atoms of a cell one after the other, not from atom records all over the copy (most
  // atoms a search looks at lie beyond its cutoff; a kept copy's cells are a skin wider).
  struct CellEntry {
    double x[3];
    int index;  // in atoms_
  };
  // visit_cell(cell index) for every cell whose bounds come within `reach` of x (each cell
  // once, in one order): the cells that may hold an atom binned within `reach` of x.
  template <class VisitCell>
  void for_each_cell_within(const double *x, double reach, VisitCell &&visit_cell) const;
  // The cell's entries with the positions of this epoch: a kept copy's atoms moved since
  // they were binned; each cell is brought up to date the first time an epoch looks at it.
  const std::vector<CellEntry> &current_cell(int cell) const
  {
    if (cell_epoch_[cell] != epoch_) refresh_cell(cell);
    return cells_[cell];
  }
  void refresh_cell(int cell) const;
  // The atoms within the cell size of atom `index` when its list was made (near_lists_).
  const std::vector<NearEntry> &near_list(int index) const;
  // The atoms binned within the cell size plus the skin of where atom `index` was binned:
  // while no atom moved more than half the skin, they hold every atom within the cell size
  // of it (Verlet's list). Made once per binning.
  const std::vector<int> &binned_list(int index) const;
  // The position-dependent lists are no longer valid.
  void forget_near_lists() { ++lists_epoch_; }
  void insert(const Atom &atom);
  // A change of atom `index` (read first): counted, and to write back (the copy joins the
  // pending copies, WRITES_BACK only).
  void changed(int index);
  void forget_pending();
  // Writes back the changes other copies of this LAMMPS instance hold.
  void write_back_others();
  // The copy anew (its callers write the other copies back first), in cells at least half
  // bin_size wide (searches reach up to cell_size).
  void build_cells(double cell_size, double bin_size);
  // Whether the copy built by the last refresh() that built holds the same atoms as the
  // atom arrays, at the same local indices, in the same box (what it was built for).
  bool same_atoms_as_built(double cell_size) const;
  // The largest distance an owned atom moved from where the copy binned it (nearest image),
  // with every atom's current position kept in measured_x_. For a kept copy: the atoms of
  // the atom arrays are those binned, at the same indices.
  double measure_displacements();
  // The copy anew, binned for refresh() to keep it (its callers write the other copies back
  // first).
  void build_keepable_cells(double cell_size);
  // Whether every owned atom is at the copy's position, of the copy's type and ID (a kept
  // copy).
  bool arrays_match_copy() const;
  Role role_;
  bool pending_ = false;
  bool wrote_others_ = false;
  std::uint64_t changes_ = 0;
  // Mutable: atoms are read from the atom arrays when first looked at (read()).
  mutable std::vector<Atom> atoms_;
  // Atoms read in the current epoch are current; one epoch per build or kept refresh.
  std::uint64_t epoch_ = 1;
  mutable bool all_read_ = true;
  // What a kept copy requires unchanged since it was built (refresh()).
  bool reusable_ = false;
  bool kept_unchanged_ = false;
  struct BuiltFor {
    LAMMPS_NS::bigint neighbor_builds, natoms;
    int nlocal;
    double cell_size, boxlo[3], boxhi[3];
    std::uint64_t arrays_generation;
  } built_for_{};
  // How far a kept copy's atoms moved from where they are binned (measured by the last
  // refresh that found them moved; 0 while every refresh found them unchanged): its searches
  // reach that much further.
  double margin_ = 0.0;
  bool unmoved_since_binned_ = true;
  // LAMMPS's skin when the copy was binned: its cells are wide enough for searches that
  // reach that much further.
  double skin_ = 0.0;
  // The positions the cells bin the atoms by, and those the last measure_displacements()
  // read (the current ones while verlet_).
  std::vector<std::array<double, 3>> binned_x_, measured_x_;
  // Near lists are cut from binned lists this epoch (no atom moved more than half the skin
  // since binning, none was moved or added by the copy).
  bool verlet_ = false;
  // The binned lists (binned_list()) and the binning each was made in (valid while current).
  mutable std::vector<std::vector<int>> binned_lists_;
  mutable std::vector<std::uint64_t> binned_list_made_;
  std::uint64_t binning_ = 0;
  // Mutable: a kept copy's entries take the positions of an epoch when first looked at.
  mutable std::vector<std::vector<CellEntry>> cells_;
  mutable std::vector<std::uint64_t> cell_epoch_;  // the epoch each cell's positions are of
  std::unordered_map<LAMMPS_NS::tagint, int> index_of_tag_;
  double cell_size_ = 0.0;
  // Per atom, its near list and the lists_epoch_ it was made in (valid while current).
  mutable std::vector<std::vector<NearEntry>> near_lists_;
  mutable std::vector<std::uint64_t> near_list_epoch_;
  mutable std::vector<NearEntry> candidates_;  // near_list's scratch: the atoms of the cells looked at
  std::uint64_t lists_epoch_ = 1;
  // Cells at least half the cell size wide: a search reaches at most 2 cells each way, and
  // looks at 2.3 times fewer atoms than with 3 cells of the full size.
  static constexpr int MAX_CELL_REACH = 2;
  int n_cells_[3] = {1, 1, 1};
  double cell_width_[3] = {1, 1, 1};
  double lo_[3] = {0, 0, 0}, length_[3] = {1, 1, 1};
  bool periodic_[3] = {false, false, false};
};

// A new owned atom in the atom arrays (at rest, with other fixes' per-atom data created).
void create_in_atom_arrays(LAMMPS_NS::LAMMPS *lmp, const OwnedAtoms::Atom &atom);

template <class Visit>
void OwnedAtoms::for_each_within(const double *x, double cutoff, Visit &&visit) const
{
  const double cutoff_sq = cutoff * cutoff;
  for_each_cell_within(x, cutoff + margin_, [&](int cell) {
    for (const CellEntry &entry : current_cell(cell)) {
      const double rsq = distance_sq(entry.x, x);
      if (rsq >= cutoff_sq) continue;
      Atom &atom = atoms_[entry.index];
      if (!atom.present) continue;
      read(atom);
      visit(atom, rsq);
    }
  });
}

template <class VisitCell>
void OwnedAtoms::for_each_cell_within(const double *x, double reach_to, VisitCell &&visit_cell) const
{
  const int home = cell_of(x);
  const int home_cell[3] = {home % n_cells_[0], (home / n_cells_[0]) % n_cells_[1], home / (n_cells_[0] * n_cells_[1])};
  // The cells within `reach_to` along each axis, each once (cells are at least half the cell
  // size wide: at most 2 each way); all of them where that reaches round the axis. Kept on
  // the stack: this runs several times per Monte Carlo attempt.
  // With each cell, the square of its gap to x along the axis: a cell whose gaps add up to
  // more than reach_to squared holds no atom to visit (about half the cells of a search).
  int range[3][2 * MAX_CELL_REACH + 1], n_range[3] = {0, 0, 0};
  double gap_sq[3][2 * MAX_CELL_REACH + 1];
  for (int d = 0; d < 3; ++d) {
    const int reach = std::min(MAX_CELL_REACH, static_cast<int>(std::ceil(reach_to / cell_width_[d])));
    if (2 * reach + 1 >= n_cells_[d]) {
      for (int c = 0; c < n_cells_[d]; ++c) {
        gap_sq[d][n_range[d]] = 0.0;
        range[d][n_range[d]++] = c;
      }
      continue;
    }
    // x relative to its home cell's lower edge, x unwrapped (a search may be centred on a
    // periodic image outside the box) as cell_of() bins it before wrapping the cell.
    const double from_lo = x[d] - lo_[d];
    const double unwrapped_cell =
        periodic_[d] ? std::floor(from_lo / length_[d] * n_cells_[d]) : static_cast<double>(home_cell[d]);
    const double within_home = from_lo - unwrapped_cell * cell_width_[d];
    for (int offset = -reach; offset <= reach; ++offset) {
      int c = home_cell[d] + offset;
      if (periodic_[d]) c = (c + n_cells_[d]) % n_cells_[d];
      if (c < 0 || c >= n_cells_[d]) continue;
      const double gap = offset > 0   ? offset * cell_width_[d] - within_home
                         : offset < 0 ? within_home - (offset + 1) * cell_width_[d]
                                      : 0.0;
      gap_sq[d][n_range[d]] = gap > 0.0 ? gap * gap : 0.0;
      range[d][n_range[d]++] = c;
    }
  }
  // Slack for the round-off of binning (cell_of) against these edges.
  const double reach_sq = reach_to * reach_to * (1.0 + 1e-12);
  for (int kz = 0; kz < n_range[2]; ++kz) {
    if (gap_sq[2][kz] >= reach_sq) continue;
    for (int ky = 0; ky < n_range[1]; ++ky) {
      const double gap_yz = gap_sq[2][kz] + gap_sq[1][ky];
      if (gap_yz >= reach_sq) continue;
      for (int kx = 0; kx < n_range[0]; ++kx) {
        if (gap_yz + gap_sq[0][kx] >= reach_sq) continue;
        visit_cell((range[2][kz] * n_cells_[1] + range[1][ky]) * n_cells_[0] + range[0][kx]);
      }
    }
  }
}

template <class Visit>
void OwnedAtoms::for_each_within_atom(LAMMPS_NS::tagint tag, const double *x, double cutoff, Visit &&visit) const
{
  const std::vector<NearEntry> *list = near_list_for(tag, x, cutoff);
  if (!list) {
    for_each_within(x, cutoff, visit);
    return;
  }
  const double cutoff_sq = cutoff * cutoff;
  for (const NearEntry &near : *list) {
    if (near.rsq >= cutoff_sq) continue;
    if (const Atom *atom = present_atom_at(near.index)) visit(*atom, near.rsq);
  }
}

}  // namespace exsolve
