// fix vacancy/hop: Monte Carlo hops of oxygen vacancies in a perovskite: an oxygen next to a
// vacant oxygen site moves into it (by the vector between the two sites, so the move is its
// own reverse), accepted with the Metropolis-Hastings rule and exact local energy
// differences (LocalEnergy): how vacancies reach the dopants and the surface on time scales
// MD cannot. Sites: core::PerovskiteOxygenSites. Doc: docs/fix_vacancy_hop.md.
#pragma once

#include "fix_local_monte_carlo.h"

#include "core/perovskite_oxygen_sites.h"

#include <memory>
#include <string>
#include <vector>

namespace LAMMPS_NS {

class FixVacancyHop : public FixLocalMonteCarlo {
 public:
  FixVacancyHop(class LAMMPS *, int, char **);
  void init() override;
  // After the shared three: 4 vacant oxygen sites at the last invocation.
  double compute_vector(int) override;

 private:
  struct Options {
    int every = 1, attempts = 1, seed = 0;
    int oxygen_type = 0;
    std::vector<int> site_types;  // the B cations whose pairs make the oxygen sites
    double spacing = 0.0;         // the lattice spacing a (Å)
    double temperature_k = 0.0;
    std::string event_file;
    bool overwrite = false;
  };
  // The oxygen on an occupied site, as every rank sees it.
  struct Occupant {
    double x[3];
    tagint tag;
    double q;
    bool in_group;
    int mask;
  };
  void parse_options(int narg, char **arg);
  // This invocation's sites, their oxygens and the vacant ones, the same on every rank.
  void find_sites();
  // The sites within a hop of `site` that hold an oxygen of the group.
  int movable_neighbours(int site, std::vector<int> *which) const;
  // Whether an oxygen other than `moving` lies within occupied_within_ of x, on any rank.
  bool lands_on_an_oxygen(const double *x, tagint moving) const;
  double cell_size() const override;
  void start_invocation() override { find_sites(); }
  void attempt() override;

  Options options_;
  double hop_distance_ = 0.0;     // Å: nearest oxygen sites, a / sqrt(2), with room for thermal motion
  double occupied_within_ = 0.0;  // Å: an oxygen this close to a site occupies it
  std::unique_ptr<exsolve::core::PerovskiteOxygenSites> sites_;
  std::vector<int> occupant_of_site_;  // index into occupants_, -1: vacant
  std::vector<Occupant> occupants_;
  std::vector<int> vacant_;  // vacant sites, in site order
};

}  // namespace LAMMPS_NS
