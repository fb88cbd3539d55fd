// The terms of an EAM energy (eam, eam/alloy, eam/fs) from the style's own spline tables,
// evaluated as PairEAM::compute() evaluates them (the same index, offset and polynomial):
// what ManyBodyCluster sums for an EAM style's energy change instead of running compute()
// on the cluster.
#pragma once

#include "lammps_internals.h"

#include "pair_eam.h"

#include <algorithm>
#include <cmath>

namespace exsolve {

class EamTables {
 public:
  // After the style's init (the tables are made anew at every run's init).
  explicit EamTables(LAMMPS_NS::Pair *pair) :
      eam_(static_cast<LAMMPS_NS::PairEAM *>(pair)), scale_(internals::EamMembers::energy_scale(pair)),
      cutoff_sq_(internals::EamMembers::cutoff_sq(pair))
  {
  }

  // Pairs at or beyond this distance squared have no term.
  double cutoff_sq() const { return cutoff_sq_; }

  // The density at an atom of type `at` from a neighbor of type `from`, rsq apart.
  double density(int from, int at, double rsq) const
  {
    int m;
    const double p = radial_index(std::sqrt(rsq), m);
    const double *c = eam_->rhor_spline[eam_->type2rhor[from][at]][m];
    return ((c[3] * p + c[4]) * p + c[5]) * p + c[6];
  }
  // The pair term of two atoms of types i and j, rsq apart.
  double pair(int i, int j, double rsq) const
  {
    const double r = std::sqrt(rsq);
    int m;
    const double p = radial_index(r, m);
    const double *c = eam_->z2r_spline[eam_->type2z2r[i][j]][m];
    const double z2 = ((c[3] * p + c[4]) * p + c[5]) * p + c[6];
    const double recip = 1.0 / r;
    return scale_[i][j] * (z2 * recip);
  }
  // The embedding energy of an atom of type t at density rho (linear beyond the table).
  double embedding(int t, double rho) const
  {
    double p = rho * eam_->rdrho + 1.0;
    int m = static_cast<int>(p);
    m = std::max(1, std::min(m, eam_->nrho - 1));
    p -= m;
    p = std::min(p, 1.0);
    const double *c = eam_->frho_spline[eam_->type2frho[t]][m];
    double phi = ((c[3] * p + c[4]) * p + c[5]) * p + c[6];
    if (rho > eam_->rhomax) phi += ((c[0] * p + c[1]) * p + c[2]) * (rho - eam_->rhomax);
    return phi * scale_[t][t];
  }

 private:
  double radial_index(double r, int &m) const
  {
    double p = r * eam_->rdr + 1.0;
    m = static_cast<int>(p);
    m = std::min(m, eam_->nr - 1);
    p -= m;
    return std::min(p, 1.0);
  }

  LAMMPS_NS::PairEAM *eam_;
  double **scale_;  // per type pair, 1 unless fix adapt scales the style
  double cutoff_sq_;
};

}  // namespace exsolve
