// The energy of a small free cluster of atoms under the model's many-body pair styles (EAM,
// Stillinger-Weber, Tersoff, SNAP...), computed by each style's own compute() on the cluster
// alone: the cluster's atoms stand in for the rank's atoms (all local, no ghosts) with
// neighbor lists built here, and no communication. What a local energy difference of a
// many-body model is made of (local_energy.h says why it is exact).
#pragma once

#include "lmptype.h"
#include "pointers.h"

#include <memory>
#include <string>
#include <vector>

namespace LAMMPS_NS {
class NeighList;
class Pair;
}  // namespace LAMMPS_NS

namespace exsolve {

class EamTables;
class HostCompute;
class SnapEnergy;

class ManyBodyCluster : protected LAMMPS_NS::Pointers {
 public:
  // An atom of the cluster in the two states a move connects: before ([0]) and after ([1]).
  struct Atom {
    double x[3];  // unwrapped: the cluster is not periodic
    LAMMPS_NS::tagint tag;
    int type[2];
    bool present[2];
    bool centre;  // its own terms are evaluated (otherwise it is only a neighbor)
  };
  // A (sub-)style to evaluate and the type pairs it acts on (under pair hybrid, the pairs
  // mapped to it; otherwise all).
  struct Style {
    LAMMPS_NS::Pair *pair;
    std::vector<std::vector<bool>> acts_on;  // [itype][jtype], 1..ntypes
    bool eam;  // eam, eam/alloy, eam/fs or their /kk: summed from its tables (EamTables), not by compute()
    // How far beyond its cutoff an atom's terms depend on other atoms (Å): 0, but for MEAM,
    // whose screening of a pair reaches atoms past the cutoff (meam_screening.h).
    double reach_beyond_cutoff;
  };
  explicit ManyBodyCluster(LAMMPS_NS::LAMMPS *lmp) : Pointers(lmp) {}
  ~ManyBodyCluster();
  ManyBodyCluster(const ManyBodyCluster &) = delete;
  ManyBodyCluster &operator=(const ManyBodyCluster &) = delete;

  // After the pair style's init: the styles to evaluate (none: energy() is 0).
  void set_styles(const std::vector<Style> &styles);
  bool empty() const { return styles_.empty(); }
  // The largest distance between an atom and a neighbor its per-atom terms use (Å): the
  // largest cutoff of the type pairs the styles act on, plus a style's reach beyond it.
  double term_range() const { return term_range_; }
  // How far neighbors are looked for around a centre (Å): term_range() plus a margin.
  double list_cutoff() const { return pair_cutoff_; }
  // At the start of every Monte Carlo invocation: finds the neighbor lists the styles were
  // given for this run (Neighbor sets the lists up anew at every run) and has the host
  // computes take the model as it is now (HostCompute).
  void start_invocation();
  // The change, from state [0] to state [1], of the styles' energy of the terms centred on
  // the cluster's centre atoms (eV), each term with all its neighbors among `atoms` (every
  // atom within list_cutoff() of a centre must be there). Terms of pairs between a centre
  // and a non-centre atom that a style counts once per pair may or may not be included, the
  // same way in both states: the difference is exact when the states differ only in centre
  // atoms. Every rank may call it on its own.
  double energy_change(const std::vector<Atom> &atoms);

 private:
  struct StyleLists {
    LAMMPS_NS::Pair *pair;
    std::shared_ptr<const EamTables> eam;  // an EAM style's tables, made at set_styles; else null
    std::shared_ptr<SnapEnergy> snap;      // a SNAP style's energy without forces, made at set_styles; else null
    std::shared_ptr<HostCompute> host;     // any other style's compute() on the host, made at set_styles
    std::vector<std::vector<bool>> acts_on;
    std::vector<std::vector<double>> list_cutoff_sq;  // [itype][jtype]: the style's cutoff, with a margin
    std::vector<bool> acts_on_type;                   // some pair of this type is mapped to the style
    struct List {
      int id;
      bool full;
      LAMMPS_NS::NeighList *run_list;  // Neighbor's, given back after the evaluation
      LAMMPS_NS::NeighList *own_list;  // the cluster's, pointing into the vectors below
      std::vector<int> ilist, numneigh, neighbors;
      std::vector<int *> firstneigh;
    };
    std::vector<List> lists;
  };
  void build_pairs(const std::vector<Atom> &atoms);
  void fill_list(const StyleLists &style, StyleLists::List &list, const std::vector<Atom> &atoms, int state);
  // A style's energy of the centres' terms in one state, by its compute().
  double energy(StyleLists &style, const std::vector<Atom> &atoms, int state);
  // An EAM style's energy change from its tables: the pair terms of the changed atoms and
  // the embedding terms of the atoms whose density they change (the changed atoms and the
  // centres within the cutoff of one).
  double eam_energy_change(const EamTables &eam, const StyleLists &style, const std::vector<Atom> &atoms);
  double evaluate(StyleLists &style);
  // Deletes the style's own lists (their arrays are this class's vectors).
  static void release(StyleLists &style);
  void release_lists();

  std::vector<StyleLists> styles_;
  double term_range_ = 0.0, pair_cutoff_ = 0.0;
  // Every pair of a centre within pair_cutoff_, in either state, as offsets into
  // pair_j_/pair_rsq_ (for centres; empty ranges for the others).
  std::vector<int> pair_offset_, pair_j_;
  std::vector<double> pair_rsq_;
  // build_pairs' cell list (kept between calls: it runs at every Monte Carlo attempt).
  std::vector<int> cell_first_, cell_next_, cell_of_;
  // The cluster as atom arrays (what the styles' compute() reads).
  std::vector<double> x_, f_;
  std::vector<double *> x_rows_, f_rows_;
  std::vector<int> type_;
  std::vector<LAMMPS_NS::tagint> tag_;
  std::vector<double> q_;
  std::vector<char> changed_;  // per cluster atom: its type or presence differs between states
};

}  // namespace exsolve
