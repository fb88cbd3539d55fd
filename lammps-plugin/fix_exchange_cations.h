// fix exchange/cations: Monte Carlo exchange of two cation species (e.g. a Ni2+ dopant and a
// Ti4+ host cation): the two atoms swap types and charges (so the system stays neutral),
// accepted with the Metropolis rule and exact local energy differences (LocalEnergy), the
// slow equilibration of a dopant profile that MD cannot reach. Doc:
// docs/fix_exchange_cations.md.
#pragma once

#include "fix.h"

#include "event_file.h"
#include "local_energy.h"
#include "owned_atoms.h"

#include <string>
#include <vector>

namespace LAMMPS_NS {

class FixExchangeCations : public Fix {
 public:
  FixExchangeCations(class LAMMPS *, int, char **);
  ~FixExchangeCations() override;
  int setmask() override;
  void init() override;
  void post_integrate() override;
  void pre_exchange() override;
  double compute_vector(int) override;
  void write_restart(FILE *) override;
  void restart(char *) override;

 private:
  struct Options {
    int every = 1, attempts = 1, seed = 0;
    int type_a = 0, type_b = 0;   // the dopant and the host cation
    double temperature_k = 0.0;
    double distance = -1.0;       // partner within this distance (Å) of the first atom; < 0: anywhere
    std::string event_file;
    bool overwrite = false;
  };
  // A group atom of one of the two types, as every rank sees it.
  struct Site {
    double x[3];
    tagint tag;
    double q;
  };
  void parse_options(int narg, char **arg);
  // Group atoms of `type` (this rank's owned copy), gathered on every rank, ordered by
  // position: the same list whatever the decomposition.
  std::vector<Site> gathered_sites(int type, const double *centre, double within, tagint excluded);
  void attempt();

  Options options_;
  class RanPark *random_ = nullptr;
  double beta_ = 0.0;
  exsolve::OwnedAtoms owned_;
  exsolve::LocalEnergy local_;
  exsolve::EventFile events_;
  std::vector<Site> sites_a_, sites_b_;  // this invocation's atoms of the two types
  bigint next_invocation_ = 0;
  bool write_back_pending_ = false;
  bool restarted_ = false;
  double attempts_ = 0, accepted_ = 0, last_delta_u_ = 0;
};

}  // namespace LAMMPS_NS
