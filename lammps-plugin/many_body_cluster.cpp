#include "many_body_cluster.h"

#include "compat.h"
#include "eam_tables.h"
#include "host_compute.h"
#include "snap_energy.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "force.h"
#include "neigh_list.h"
#include "neighbor.h"
#include "pair.h"

#include <algorithm>
#include <cmath>

using namespace LAMMPS_NS;

namespace exsolve {
namespace {

// Pairs up to this much beyond a style's cutoff are in the cluster's lists, as LAMMPS's own
// lists hold pairs up to the cutoff plus the skin: each style tests its own cutoffs.
constexpr double LIST_MARGIN = 0.1;  // Å
// Pair::compute's eflag for the global energy alone (Integrate's ENERGY_GLOBAL).
constexpr int ENERGY_GLOBAL = 1;

// While it lives, the rank's atom arrays are the cluster's (all local, no ghosts); the
// rank's own come back when it goes out of scope, also when a style's compute() throws.
class ClusterAsAtoms {
 public:
  ClusterAsAtoms(Atom *atom, double **x, double **f, int *type, tagint *tag, double *q, int n)
      : atom_(atom), x_(atom->x), f_(atom->f), type_(atom->type), tag_(atom->tag), q_(atom->q), nlocal_(atom->nlocal),
        nghost_(atom->nghost), nmax_(atom->nmax)
  {
    atom->x = x;
    atom->f = f;
    atom->type = type;
    atom->tag = tag;
    if (atom->q_flag) atom->q = q;
    atom->nlocal = n;
    atom->nghost = 0;
    // Styles size their per-atom arrays by nmax.
    atom->nmax = std::max(atom->nmax, n);
  }
  ~ClusterAsAtoms()
  {
    atom_->x = x_;
    atom_->f = f_;
    atom_->type = type_;
    atom_->tag = tag_;
    atom_->q = q_;
    atom_->nlocal = nlocal_;
    atom_->nghost = nghost_;
    atom_->nmax = nmax_;
  }
  ClusterAsAtoms(const ClusterAsAtoms &) = delete;
  ClusterAsAtoms &operator=(const ClusterAsAtoms &) = delete;

 private:
  Atom *atom_;
  double **x_, **f_;
  int *type_;
  tagint *tag_;
  double *q_;
  int nlocal_, nghost_, nmax_;
};

// While it lives, a style holds the cluster's lists, and its energy and virial of the last
// time step are kept aside; both come back when it goes out of scope.
template <class Lists>
class ClusterLists {
 public:
  ClusterLists(Pair *pair, Lists &lists) : pair_(pair), lists_(lists)
  {
    eng_vdwl_ = pair->eng_vdwl;
    eng_coul_ = pair->eng_coul;
    std::copy(pair->virial, pair->virial + 6, virial_);
    for (auto &list : lists_) pair_->init_list(list.id, list.own_list);
  }
  ~ClusterLists()
  {
    for (auto &list : lists_) pair_->init_list(list.id, list.run_list);
    pair_->eng_vdwl = eng_vdwl_;
    pair_->eng_coul = eng_coul_;
    std::copy(virial_, virial_ + 6, pair_->virial);
  }
  ClusterLists(const ClusterLists &) = delete;
  ClusterLists &operator=(const ClusterLists &) = delete;

 private:
  Pair *pair_;
  Lists &lists_;
  double eng_vdwl_, eng_coul_, virial_[6];
};

}  // namespace

ManyBodyCluster::~ManyBodyCluster()
{
  release_lists();
}

void ManyBodyCluster::release(StyleLists &style)
{
  for (StyleLists::List &list : style.lists) {
    // The arrays are this class's vectors, not the list's to free.
    list.own_list->ilist = nullptr;
    list.own_list->numneigh = nullptr;
    list.own_list->firstneigh = nullptr;
    delete list.own_list;
    list.own_list = nullptr;
  }
}

void ManyBodyCluster::release_lists()
{
  for (StyleLists &style : styles_) release(style);
}

void ManyBodyCluster::set_styles(const std::vector<Style> &styles)
{
  release_lists();
  styles_.clear();
  term_range_ = pair_cutoff_ = 0.0;
  const int ntypes = atom->ntypes;
  for (const Style &style : styles) {
    StyleLists s;
    s.pair = style.pair;
    // Made once per run: a Kokkos style's splines are computed here (EamTables).
    if (style.eam) s.eam = std::make_shared<const EamTables>(style.pair);
    s.snap = SnapEnergy::of(style.pair);
    if (!s.eam && !s.snap) {
      // PairEnergyTerms admits only many-body styles with a host route.
      if (!HostCompute::possible(style.pair))
        error->all(FLERR, "exsolve internal: no host energy for Kokkos pair style {}", force->pair_style);
      s.host = std::make_shared<HostCompute>(lmp, style.pair);
    }
    s.acts_on = style.acts_on;
    s.list_cutoff_sq.assign(ntypes + 1, std::vector<double>(ntypes + 1, 0.0));
    s.acts_on_type.assign(ntypes + 1, false);
    for (int i = 1; i <= ntypes; ++i)
      for (int j = 1; j <= ntypes; ++j) {
        if (!style.acts_on[i][j]) continue;
        // Pair::init (or pair hybrid's init_one, for a sub-style) set cutsq for the run.
        const double reach = std::sqrt(style.pair->cutsq[i][j]) + style.reach_beyond_cutoff;
        term_range_ = std::max(term_range_, reach);
        s.list_cutoff_sq[i][j] = (reach + LIST_MARGIN) * (reach + LIST_MARGIN);
        pair_cutoff_ = std::max(pair_cutoff_, reach + LIST_MARGIN);
        s.acts_on_type[i] = s.acts_on_type[j] = true;
      }
    styles_.push_back(std::move(s));
  }
}

void ManyBodyCluster::start_invocation()
{
  for (StyleLists &style : styles_) {
    if (style.host) style.host->start_invocation();
    if (style.eam) continue;  // summed from its tables on the cluster's own pairs
    const std::vector<compat::PairListRequest> requests = compat::pair_list_requests(neighbor, style.pair);
    if (requests.empty())
      error->all(FLERR, "exsolve local energies: pair style {} holds no neighbor list of this run", force->pair_style);
    if (requests.size() != style.lists.size()) {
      release(style);
      style.lists.assign(requests.size(), StyleLists::List());
      for (StyleLists::List &list : style.lists) list.own_list = new NeighList(lmp);
    }
    for (std::size_t k = 0; k < requests.size(); ++k) {
      style.lists[k].id = requests[k].id;
      style.lists[k].full = requests[k].full;
      style.lists[k].run_list = requests[k].list;
    }
  }
}

double ManyBodyCluster::energy_change(const std::vector<Atom> &atoms)
{
  if (styles_.empty() || atoms.empty()) return 0.0;
  const std::size_t n = atoms.size();
  changed_.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    changed_[i] = atoms[i].type[0] != atoms[i].type[1] || atoms[i].present[0] != atoms[i].present[1];
  // One set of pairs for both states: they differ only in which atoms are present.
  build_pairs(atoms);
  double total = 0.0;
  bool arrays_filled = false;
  for (StyleLists &style : styles_) {
    if (style.eam) {
      total += eam_energy_change(*style.eam, style, atoms);
      continue;
    }
    if (!arrays_filled) {
      x_.resize(3 * n);
      f_.assign(3 * n, 0.0);
      x_rows_.resize(n);
      f_rows_.resize(n);
      type_.resize(n);
      tag_.resize(n);
      q_.assign(n, 0.0);
      for (std::size_t i = 0; i < n; ++i) {
        for (int d = 0; d < 3; ++d) x_[3 * i + d] = atoms[i].x[d];
        x_rows_[i] = &x_[3 * i];
        f_rows_[i] = &f_[3 * i];
        tag_[i] = atoms[i].tag;
      }
      arrays_filled = true;
    }
    const double before = energy(style, atoms, 0);
    total += energy(style, atoms, 1) - before;
  }
  return total;
}

double ManyBodyCluster::energy(StyleLists &style, const std::vector<Atom> &atoms, int state)
{
  // An absent atom keeps a valid type (the other state's) but is in no list.
  for (std::size_t i = 0; i < atoms.size(); ++i)
    type_[i] = atoms[i].present[state] ? atoms[i].type[state] : atoms[i].type[1 - state];
  bool any = false;
  for (StyleLists::List &list : style.lists) {
    fill_list(style, list, atoms, state);
    any = any || !list.ilist.empty();
  }
  return any ? evaluate(style) : 0.0;
}

double ManyBodyCluster::eam_energy_change(const EamTables &eam, const StyleLists &style, const std::vector<Atom> &atoms)
{
  const double cutoff_sq = eam.cutoff_sq();
  double change = 0.0;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    const Atom &a = atoms[i];
    if (!a.centre) continue;
    const bool a_changed = changed_[i] != 0;
    // The density at a in both states; terms between two unchanged atoms are the same in both.
    double rho[2] = {0.0, 0.0};
    bool touched = a_changed;
    for (int k = pair_offset_[i]; k < pair_offset_[i + 1]; ++k) {
      const double rsq = pair_rsq_[k];
      if (rsq >= cutoff_sq) continue;
      const int j = pair_j_[k];
      const Atom &b = atoms[j];
      if (!a_changed && !changed_[j]) {
        if (style.acts_on[a.type[0]][b.type[0]]) {
          const double from_b = eam.density(b.type[0], a.type[0], rsq);
          rho[0] += from_b;
          rho[1] += from_b;
        }
        continue;
      }
      touched = true;
      for (int s = 0; s < 2; ++s) {
        if (!a.present[s] || !b.present[s] || !style.acts_on[a.type[s]][b.type[s]]) continue;
        rho[s] += eam.density(b.type[s], a.type[s], rsq);
        // A pair term changes only with a changed atom: counted under it (under the first
        // of two changed atoms).
        if (a_changed && (!changed_[j] || i < static_cast<std::size_t>(j)))
          change += (s == 1 ? 1.0 : -1.0) * eam.pair(a.type[s], b.type[s], rsq);
      }
    }
    if (!touched) continue;
    for (int s = 0; s < 2; ++s)
      if (a.present[s] && style.acts_on_type[a.type[s]])
        change += (s == 1 ? 1.0 : -1.0) * eam.embedding(a.type[s], rho[s]);
  }
  return change;
}

void ManyBodyCluster::build_pairs(const std::vector<Atom> &atoms)
{
  const int n = static_cast<int>(atoms.size());
  // Cells at least half the cutoff wide over the cluster's extent: pairs from the 5 x 5 x 5
  // cells around (a neighbourhood 2.5 cutoffs wide; with cells a whole cutoff wide it was 3,
  // and building the pairs was half of an EAM exchange trial).
  double lo[3], hi[3];
  for (int d = 0; d < 3; ++d) {
    lo[d] = hi[d] = atoms[0].x[d];
    for (const Atom &a : atoms) {
      lo[d] = std::min(lo[d], a.x[d]);
      hi[d] = std::max(hi[d], a.x[d]);
    }
  }
  int n_cells[3];
  constexpr int REACH = 2;  // cells each way
  for (int d = 0; d < 3; ++d)
    n_cells[d] = std::max(1, std::min(64, static_cast<int>(REACH * (hi[d] - lo[d]) / pair_cutoff_)));
  auto cell_along = [&](int d, double x) {
    return std::min(n_cells[d] - 1, static_cast<int>((x - lo[d]) / (hi[d] - lo[d] + 1e-12) * n_cells[d]));
  };
  std::vector<int> &first = cell_first_, &next = cell_next_, &cell_of = cell_of_;
  first.assign(static_cast<std::size_t>(n_cells[0]) * n_cells[1] * n_cells[2], -1);
  next.assign(n, -1);
  cell_of.resize(3 * n);
  for (int i = n - 1; i >= 0; --i) {
    for (int d = 0; d < 3; ++d) cell_of[3 * i + d] = cell_along(d, atoms[i].x[d]);
    const int c = (cell_of[3 * i + 2] * n_cells[1] + cell_of[3 * i + 1]) * n_cells[0] + cell_of[3 * i];
    next[i] = first[c];
    first[c] = i;
  }
  const double cutoff_sq = pair_cutoff_ * pair_cutoff_;
  pair_offset_.assign(n + 1, 0);
  pair_j_.clear();
  pair_rsq_.clear();
  for (int i = 0; i < n; ++i) {
    if (!atoms[i].centre) {
      pair_offset_[i + 1] = static_cast<int>(pair_j_.size());
      continue;
    }
    const int *ci = &cell_of[3 * i];
    for (int cz = std::max(0, ci[2] - REACH); cz <= std::min(n_cells[2] - 1, ci[2] + REACH); ++cz)
      for (int cy = std::max(0, ci[1] - REACH); cy <= std::min(n_cells[1] - 1, ci[1] + REACH); ++cy)
        for (int cx = std::max(0, ci[0] - REACH); cx <= std::min(n_cells[0] - 1, ci[0] + REACH); ++cx)
          for (int j = first[(cz * n_cells[1] + cy) * n_cells[0] + cx]; j >= 0; j = next[j]) {
            if (j == i) continue;
            const double dx = atoms[j].x[0] - atoms[i].x[0], dy = atoms[j].x[1] - atoms[i].x[1],
                         dz = atoms[j].x[2] - atoms[i].x[2];
            const double rsq = dx * dx + dy * dy + dz * dz;
            if (rsq >= cutoff_sq) continue;
            pair_j_.push_back(j);
            pair_rsq_.push_back(rsq);
          }
    pair_offset_[i + 1] = static_cast<int>(pair_j_.size());
  }
}

void ManyBodyCluster::fill_list(const StyleLists &style, StyleLists::List &list, const std::vector<Atom> &atoms,
                                int state)
{
  const int n = static_cast<int>(atoms.size());
  list.ilist.clear();
  list.numneigh.clear();
  list.neighbors.clear();
  for (int i = 0; i < n; ++i) {
    const int ti = atoms[i].type[state];
    if (!atoms[i].centre || !atoms[i].present[state] || !style.acts_on_type[ti]) continue;
    list.ilist.push_back(i);
    int count = 0;
    for (int k = pair_offset_[i]; k < pair_offset_[i + 1]; ++k) {
      const int j = pair_j_[k];
      if (!atoms[j].present[state]) continue;
      const int tj = atoms[j].type[state];
      // A half list holds each pair with a centre once: under the centre, or under the
      // first of two centres (all atoms are local, so no ghost rule applies).
      if (!list.full && atoms[j].centre && j < i) continue;
      if (!style.acts_on[ti][tj] || pair_rsq_[k] >= style.list_cutoff_sq[ti][tj]) continue;
      list.neighbors.push_back(j);
      ++count;
    }
    list.numneigh.push_back(count);
  }
  list.firstneigh.resize(list.ilist.size());
  std::size_t offset = 0;
  for (std::size_t ii = 0; ii < list.ilist.size(); ++ii) {
    list.firstneigh[ii] = list.neighbors.data() + offset;
    offset += list.numneigh[ii];
  }
  // NeighList's numneigh and firstneigh are indexed by atom, not by position in ilist.
  std::vector<int> numneigh_by_atom(n, 0);
  std::vector<int *> firstneigh_by_atom(n, nullptr);
  for (std::size_t ii = 0; ii < list.ilist.size(); ++ii) {
    numneigh_by_atom[list.ilist[ii]] = list.numneigh[ii];
    firstneigh_by_atom[list.ilist[ii]] = list.firstneigh[ii];
  }
  list.numneigh.swap(numneigh_by_atom);
  list.firstneigh.swap(firstneigh_by_atom);
  NeighList *own = list.own_list;
  own->inum = static_cast<int>(list.ilist.size());
  own->gnum = 0;
  own->ilist = list.ilist.data();
  own->numneigh = list.numneigh.data();
  own->firstneigh = list.firstneigh.data();
}

double ManyBodyCluster::evaluate(StyleLists &style)
{
  const int n = static_cast<int>(type_.size());
  ClusterAsAtoms cluster(atom, x_rows_.data(), f_rows_.data(), type_.data(), tag_.data(), q_.data(), n);
  compat::CommSwapsOff no_communication(comm);
  ClusterLists<std::vector<StyleLists::List>> lists(style.pair, style.lists);
  if (style.snap) return style.snap->energy_of_list(atom->type);  // without its forces
  style.host->compute(ENERGY_GLOBAL);
  return style.pair->eng_vdwl + style.pair->eng_coul;
}

}  // namespace exsolve
