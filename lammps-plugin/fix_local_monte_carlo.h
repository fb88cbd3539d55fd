// What the Monte Carlo fixes with local energies share (fix exchange/cations, fix
// vacancy/hop): the schedule (every N steps, M attempts), one random generator seeded alike
// on every rank, the rank's atom copy (OwnedAtoms) and the energy engine (LocalEnergy),
// decisions in post_integrate with a neighbor-list rebuild forced only when a move was
// accepted, the write-back in pre_exchange, the event file, the counters of the global
// vector (attempts, accepted, last dU) and the restart state.
#pragma once

#include "fix.h"

#include "event_file.h"
#include "local_energy.h"
#include "owned_atoms.h"

#include <string>

namespace LAMMPS_NS {

class FixLocalMonteCarlo : public Fix {
 public:
  int setmask() override;
  void post_integrate() override;
  void pre_exchange() override;
  // 1 attempts, 2 accepted, 3 dU of the last accepted move (eV); a style adds its own after.
  double compute_vector(int) override;
  void write_restart(FILE *) override;
  void restart(char *) override;

 protected:
  // `style` names the style in messages ("fix exchange/cations").
  FixLocalMonteCarlo(class LAMMPS *lmp, int narg, char **arg, const std::string &style);
  ~FixLocalMonteCarlo() override;
  // After the style's arguments: every N steps, M attempts, the seed; `extra_vector`: the
  // style's own elements of the global vector after the three shared ones.
  void start(int every, int attempts, int seed, int extra_vector);
  // In the style's init, after its local_.setup(): the Monte Carlo temperature, and the
  // first invocation on the run's next step unless a restart's schedule falls within N.
  void init_schedule(double temperature_k);
  // Counts an accepted move: its energy change, and the write-back it needs.
  void accepted(double delta_u);
  // A uniform index in [0, n) from the shared generator (n > 0).
  int choose(int n);
  // Whether a move with this energy change and proposal ratio (reverse / forward choice
  // probability) is accepted (Metropolis-Hastings); draws from the shared generator.
  bool metropolis(double delta_u, double proposal_ratio);

  exsolve::OwnedAtoms owned_;
  exsolve::LocalEnergy local_;
  exsolve::EventFile events_;
  bool restarted_ = false;  // restart() ran: the event file is continued

 private:
  // The cell size the style's searches need (at least local_.reach()).
  virtual double cell_size() const = 0;
  // Before the attempts of an invocation, with owned_ built: the style's candidate lists.
  virtual void start_invocation() {}
  virtual void attempt() = 0;

  std::string style_;
  int attempts_per_invocation_ = 1;
  class RanPark *random_ = nullptr;
  double beta_ = 0.0;
  bigint next_invocation_ = 0;
  bool write_back_pending_ = false;
  double attempts_ = 0, accepted_ = 0, last_delta_u_ = 0;
};

}  // namespace LAMMPS_NS
