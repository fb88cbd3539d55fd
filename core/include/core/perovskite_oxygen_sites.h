// The oxygen sites of a perovskite ABO3: every anion sits midway between two B cations one
// lattice spacing a apart (the B-O-B chains along x, y and z), so every pair of B cations
// 0.75 a to 1.25 a apart (the nearest B-B distance, thermal motion allowed; the next, a
// sqrt(2), is beyond) has one oxygen site at its midpoint. Fix vacancy/hop moves oxygens
// between these sites. Plain C++14, no I/O.
#pragma once

#include "core/cell_list.h"
#include "core/periodic_box.h"

#include <vector>

namespace exsolve {
namespace core {

class PerovskiteOxygenSites {
 public:
  // The sites of the B cations at `b_cations` (in that order: pairs (i, j), i < j, by i then
  // j, so the same input gives the same site numbering). `query_radius`: the largest
  // distance neighbours() and site_at() will be asked for. Throws std::invalid_argument for
  // a spacing or radius that is not positive.
  PerovskiteOxygenSites(const std::vector<Vec3> &b_cations, const PeriodicBox &box, double spacing,
                        double query_radius);

  const std::vector<Vec3> &positions() const { return sites_; }
  // The site nearest x within `radius` (<= the query radius), or -1.
  int site_at(const Vec3 &x, double radius) const;
  // The sites within `distance` (<= the query radius) of site s, s excluded, ascending.
  std::vector<int> neighbours(int s, double distance) const;
  // The nearest-image vector from site `from` to site `to`.
  Vec3 step(int from, int to) const { return box_.minimum_image(sites_[from], sites_[to]); }

 private:
  PeriodicBox box_;
  std::vector<Vec3> sites_;
  std::vector<CellList> cells_;  // over the sites; empty until there are sites
};

}  // namespace core
}  // namespace exsolve
