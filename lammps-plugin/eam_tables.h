// The terms of an EAM energy (eam, eam/alloy, eam/fs and their /kk variants) from the
// style's spline tables, evaluated as PairEAM::compute() evaluates them (the same index,
// offset and polynomial): what ManyBodyCluster sums for an EAM style's energy change instead
// of running compute() on the cluster. A host style's splines are read where it keeps them;
// a Kokkos style keeps its splines on the device only, so they are made here from the
// style's host arrays by PairEAM's own interpolation (what the Kokkos style's array2spline
// computes).
#pragma once

#include "lammps_internals.h"

#include "pair_eam.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace exsolve {

class EamTables {
 public:
  // After the style's init (the tables are made anew at every run's init).
  explicit EamTables(LAMMPS_NS::Pair *pair)
      : eam_(static_cast<LAMMPS_NS::PairEAM *>(pair)),
        // The Kokkos variants apply no scale (and eam/alloy/kk, eam/fs/kk never set it).
        scale_(pair->kokkosable ? nullptr : internals::EamMembers::energy_scale(pair)),
        cutoff_sq_(internals::EamMembers::cutoff_sq(pair))
  {
    if (eam_->rhor_spline) {
      for (int k = 0; k < eam_->nrhor; ++k) rhor_.push_back(eam_->rhor_spline[k]);
      for (int k = 0; k < eam_->nz2r; ++k) z2r_.push_back(eam_->z2r_spline[k]);
      for (int k = 0; k < eam_->nfrho; ++k) frho_.push_back(eam_->frho_spline[k]);
      return;
    }
    splines(eam_->nrhor, eam_->nr, eam_->dr, eam_->rhor, rhor_);
    splines(eam_->nz2r, eam_->nr, eam_->dr, eam_->z2r, z2r_);
    splines(eam_->nfrho, eam_->nrho, eam_->drho, eam_->frho, frho_);
  }
  EamTables(const EamTables &) = delete;
  EamTables &operator=(const EamTables &) = delete;

  // Pairs at or beyond this distance squared have no term.
  double cutoff_sq() const { return cutoff_sq_; }

  // A distance and its place in the radial tables: what the terms of one pair share.
  struct Distance {
    double r, p;  // p: the fraction within table row m
    int m;
  };
  Distance distance(double rsq) const
  {
    Distance d;
    d.r = std::sqrt(rsq);
    d.p = d.r * eam_->rdr + 1.0;
    d.m = static_cast<int>(d.p);
    d.m = std::min(d.m, eam_->nr - 1);
    d.p -= d.m;
    d.p = std::min(d.p, 1.0);
    return d;
  }
  // The spline of the density at an atom of type `at` from a neighbor of type `from`: one
  // per `from` in eam/alloy, so that terms at one distance can share their evaluations.
  int density_spline(int from, int at) const { return eam_->type2rhor[from][at]; }
  double density_of_spline(int spline, const Distance &d) const { return value(rhor_[spline], d); }
  // The rows of a density or pair (r phi) spline, and a spline's value at a distance: for a
  // loop that looks its splines up once.
  using Rows = const double *const *;
  Rows density_rows(int spline) const { return rhor_[spline]; }
  Rows pair_rows(int spline) const { return z2r_[spline]; }
  static double value(Rows rows, const Distance &d)
  {
    const double *c = rows[d.m];
    return ((c[3] * d.p + c[4]) * d.p + c[5]) * d.p + c[6];
  }
  // The pair term from the value of its spline (r phi) at d and 1 / d.r.
  static double pair_of_value(double z2, double scale, double recip) { return scale * (z2 * recip); }
  // The density at an atom of type `at` from a neighbor of type `from`.
  double density(int from, int at, const Distance &d) const { return density_of_spline(density_spline(from, at), d); }
  double density(int from, int at, double rsq) const { return density(from, at, distance(rsq)); }
  // The pair term of two atoms of types i and j: r phi(r) from spline pair_spline(i, j),
  // times pair_scale(i, j).
  int pair_spline(int i, int j) const { return eam_->type2z2r[i][j]; }
  double pair_scale(int i, int j) const { return scale_ ? scale_[i][j] : 1.0; }
  double pair_of_spline(int spline, double scale, const Distance &d) const
  {
    return pair_of_value(value(z2r_[spline], d), scale, 1.0 / d.r);
  }
  double pair(int i, int j, const Distance &d) const { return pair_of_spline(pair_spline(i, j), pair_scale(i, j), d); }
  double pair(int i, int j, double rsq) const { return pair(i, j, distance(rsq)); }
  // The embedding energy of an atom of type t at density rho (linear beyond the table).
  double embedding(int t, double rho) const
  {
    double p = rho * eam_->rdrho + 1.0;
    int m = static_cast<int>(p);
    m = std::max(1, std::min(m, eam_->nrho - 1));
    p -= m;
    p = std::min(p, 1.0);
    const double *c = frho_[eam_->type2frho[t]][m];
    double phi = ((c[3] * p + c[4]) * p + c[5]) * p + c[6];
    if (rho > eam_->rhomax) phi += ((c[0] * p + c[1]) * p + c[2]) * (rho - eam_->rhomax);
    return phi * pair_scale(t, t);
  }

 private:
  // The splines of `count` tabulated functions of n + 1 points `delta` apart, as PairEAM's
  // array2spline makes them (rows 0..n of 7 coefficients each).
  void splines(int count, int n, double delta, double **values, std::vector<double **> &tables)
  {
    for (int k = 0; k < count; ++k) {
      storage_.emplace_back(n + 1);
      std::vector<std::array<double, 7>> &rows = storage_.back();
      row_pointers_.emplace_back(n + 1);
      std::vector<double *> &pointers = row_pointers_.back();
      for (int m = 0; m <= n; ++m) pointers[m] = rows[m].data();
      internals::EamMembers::spline_through(eam_, n, delta, values[k], pointers.data());
      tables.push_back(pointers.data());
    }
  }

  LAMMPS_NS::PairEAM *eam_;
  double **scale_;  // per type pair, 1 unless fix adapt scales the style; null: 1 (Kokkos)
  double cutoff_sq_;
  std::vector<double **> rhor_, z2r_, frho_;  // per spline index: rows of 7 coefficients
  // The splines made here (Kokkos styles): their coefficients and row pointers.
  std::vector<std::vector<std::array<double, 7>>> storage_;
  std::vector<std::vector<double *>> row_pointers_;
};

}  // namespace exsolve
