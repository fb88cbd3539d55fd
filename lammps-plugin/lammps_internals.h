// The protected members of LAMMPS classes that exsolve reads, all in this file: read through
// pointers to members, which a class derived from the owner may form (the same in every
// supported release). Protected members whose access differs between releases live in
// compat.h. tests/lammps/compat_only.sh fails on such a read anywhere else.
//
// The physics built on these values stays with its users (pair_energy_terms.cpp); this file
// only hands the values out.
#pragma once

#include "pair.h"
#include "pair_eam.h"
#include "pair_coul_dsf.h"
#include "pair_coul_wolf.h"
#include "pair_hybrid.h"
#include "pair_lj_cut_coul_dsf.h"
#ifdef EXSOLVE_WITH_ML_SNAP
#include "pair_snap.h"
#include "sna.h"
#endif

#include <string>

namespace exsolve {
namespace internals {

// pair hybrid's sub-styles and which of them each type pair uses.
struct HybridMembers : LAMMPS_NS::PairHybrid {
  static int count(LAMMPS_NS::PairHybrid *p) { return p->*(&HybridMembers::nstyles); }
  static LAMMPS_NS::Pair *style(LAMMPS_NS::PairHybrid *p, int m) { return (p->*(&HybridMembers::styles))[m]; }
  static std::string keyword(LAMMPS_NS::PairHybrid *p, int m) { return (p->*(&HybridMembers::keywords))[m]; }
  static int n_mapped(LAMMPS_NS::PairHybrid *p, int i, int j) { return (p->*(&HybridMembers::nmap))[i][j]; }
  static int mapped(LAMMPS_NS::PairHybrid *p, int i, int j, int k) { return (p->*(&HybridMembers::map))[i][j][k]; }
};

// The damped shifted force Coulomb parameters (coul/dsf and lj/cut/coul/dsf).
struct DampedShiftedForce {
  double alpha;       // damping (1/length)
  double cut_coulsq;  // Coulomb cutoff squared
  double e_shift;     // erfc(alpha rc)/rc, as the style computes it
  double f_shift;     // the force shift, as the style computes it
};
// lj/cut/coul/dsf's Lennard-Jones tables, indexed [itype][jtype].
struct LennardJonesTables {
  double **cut_ljsq;
  double **lj3;
  double **lj4;
  double **offset;
};
// The Wolf summation parameters (coul/wolf).
struct WolfParameters {
  double alpha;       // damping (1/length)
  double cut_coul;    // Coulomb cutoff
  double cut_coulsq;  // its square
};

struct CoulDSFMembers : LAMMPS_NS::PairCoulDSF {
  static DampedShiftedForce dsf(LAMMPS_NS::Pair *p)
  {
    auto *s = static_cast<LAMMPS_NS::PairCoulDSF *>(p);
    return {s->*(&CoulDSFMembers::alpha), s->*(&CoulDSFMembers::cut_coulsq), s->*(&CoulDSFMembers::e_shift),
            s->*(&CoulDSFMembers::f_shift)};
  }
};
struct LJCutCoulDSFMembers : LAMMPS_NS::PairLJCutCoulDSF {
  static DampedShiftedForce dsf(LAMMPS_NS::Pair *p)
  {
    auto *s = static_cast<LAMMPS_NS::PairLJCutCoulDSF *>(p);
    return {s->*(&LJCutCoulDSFMembers::alpha), s->*(&LJCutCoulDSFMembers::cut_coulsq),
            s->*(&LJCutCoulDSFMembers::e_shift), s->*(&LJCutCoulDSFMembers::f_shift)};
  }
  static LennardJonesTables lj(LAMMPS_NS::Pair *p)
  {
    auto *s = static_cast<LAMMPS_NS::PairLJCutCoulDSF *>(p);
    return {s->*(&LJCutCoulDSFMembers::cut_ljsq), s->*(&LJCutCoulDSFMembers::lj3), s->*(&LJCutCoulDSFMembers::lj4),
            s->*(&LJCutCoulDSFMembers::offset)};
  }
};
struct CoulWolfMembers : LAMMPS_NS::PairCoulWolf {
  static WolfParameters wolf(LAMMPS_NS::Pair *p)
  {
    auto *s = static_cast<LAMMPS_NS::PairCoulWolf *>(p);
    return {s->*(&CoulWolfMembers::alf), s->*(&CoulWolfMembers::cut_coul), s->*(&CoulWolfMembers::cut_coulsq)};
  }
};

// Which accelerator packages a pair style belongs to (Suffix::GPU, INTEL, ...).
struct PairMembers : LAMMPS_NS::Pair {
  static int packages(LAMMPS_NS::Pair *p) { return p->*(&PairMembers::suffix_flag); }
};

// The cutoff and the per-type-pair energy scale (1 unless fix adapt changes it) of eam,
// eam/alloy and eam/fs (their spline tables are public), and their spline interpolation
// (for a Kokkos variant, whose splines live on the device).
struct EamMembers : LAMMPS_NS::PairEAM {
  static double cutoff_sq(LAMMPS_NS::Pair *p)
  {
    return static_cast<LAMMPS_NS::PairEAM *>(p)->*(&EamMembers::cutforcesq);
  }
  static double **energy_scale(LAMMPS_NS::Pair *p)
  {
    return static_cast<LAMMPS_NS::PairEAM *>(p)->*(&EamMembers::scale);
  }
  // The densities the host style's last compute() summed, by local index (owned atoms).
  static const double *density(LAMMPS_NS::Pair *p) { return static_cast<LAMMPS_NS::PairEAM *>(p)->*(&EamMembers::rho); }
  // The coefficients of the spline through values[1..n], delta apart, into spline[0..n][7].
  static void spline_through(LAMMPS_NS::PairEAM *p, int n, double delta, double *values, double **spline)
  {
    (p->*(&EamMembers::interpolate))(n, delta, values, spline);
  }
};

#ifdef EXSOLVE_WITH_ML_SNAP
// snap's per-atom bispectrum, made by its own routine, and the coefficients and energy scale
// its compute() turns it into an energy with (snap_energy.cpp).
struct SnapMembers : LAMMPS_NS::PairSNAP {
  // Writes the bispectrum of each atom of the style's current neighbor list into rows[ii]
  // (for list->ilist[ii]; ncoeff values each), as compute() makes it before the forces,
  // without touching the style's own arrays (a Kokkos variant keeps its on the device).
  static void bispectrum_of_list(LAMMPS_NS::PairSNAP *p, double **rows)
  {
    // The style's own rows come back also when the routine stops with an error (an
    // exception with LAMMPS_EXCEPTIONS), before the style frees them.
    struct Lent {
      double **&member;
      double **own;
      ~Lent() { member = own; }
    } lent{p->*(&SnapMembers::bispectrum), p->*(&SnapMembers::bispectrum)};
    lent.member = rows;
    (p->*(&SnapMembers::compute_bispectrum))();
  }
  // The host tables of the style's SNA (Clebsch-Gordan coefficients, square roots), which
  // PairSNAP::init_style makes and a Kokkos variant's does not.
  static void make_host_tables(LAMMPS_NS::PairSNAP *p) { (p->*(&SnapMembers::snaptr))->init(); }
  // The coefficients of the element of atom type `type`: [0] the constant, [1..ncoeff] the
  // linear ones, then (quadraticflag) the quadratic ones, upper triangle row by row.
  static const double *coefficients(LAMMPS_NS::PairSNAP *p, int type)
  {
    return (p->*(&SnapMembers::coeffelem))[(p->*(&SnapMembers::map))[type]];
  }
  // The energy scale of type `type` (1 unless fix adapt changes it).
  static double energy_scale(LAMMPS_NS::PairSNAP *p, int type) { return (p->*(&SnapMembers::scale))[type][type]; }
};
#endif

}  // namespace internals
}  // namespace exsolve
