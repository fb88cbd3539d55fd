// What the Monte Carlo fixes with local energies share (fix exchange/cations, fix
// vacancy/hop): the schedule (every N steps, M attempts), one random generator seeded alike
// on every rank, the rank's atom copy (OwnedAtoms, kept between invocations while LAMMPS
// keeps its neighbor lists) and the energy engine (LocalEnergy), decisions in
// post_integrate (or, for a style that asks, in post_force: decide_after_forces()), the
// write-back of accepted moves, the event file, the counters of the
// global vector (attempts, accepted, last dU) and the restart state. Accepted moves that
// change types and charges only, where LAMMPS's neighbor lists do not depend on those types
// (type_blind_lists.h), are written in place at once and sent to the ghosts by a forward
// communication; any other accepted move forces a neighbor-list rebuild on its step and is
// written back in pre_exchange. An invocation that accepted nothing changes nothing.
#pragma once

#include "fix.h"

#include "event_file.h"
#include "local_energy.h"
#include "owned_atoms.h"

#include <cstdint>
#include <string>
#include <vector>

namespace LAMMPS_NS {

class FixLocalMonteCarlo : public Fix {
 public:
  int setmask() override;
  void setup(int) override;
  void post_integrate() override;
  void post_force(int) override;
  void pre_exchange() override;
  // 1 attempts, 2 accepted, 3 dU of the last accepted move (eV); a style adds its own after.
  double compute_vector(int) override;
  void write_restart(FILE *) override;
  void restart(char *) override;
  // Types and charges of the owned atoms to their ghosts (moves written in place).
  int pack_forward_comm(int, int *, double *, int, int *) override;
  void unpack_forward_comm(int, int, double *) override;

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
  // The style's moves change types among these and charges, nothing else (exchange): set in
  // the constructor; empty: its moves change more (positions).
  void set_retyping_only(const std::vector<int> &types) { retyped_types_ = types; }
  // Decisions in post_force instead of post_integrate (in the constructor; moves written in
  // place only): at the positions of the step's force evaluation, so that the EAM densities
  // the pair style summed serve under MD (fix sgcmc's moment); the step's forces and pe are
  // those before the moves.
  void decide_after_forces() { after_forces_ = true; }
  // The invocations since the fix was defined whose EAM densities came from the pair style's
  // last compute() (nothing had changed the atoms since).
  double invocations_with_computed_densities() const { return computed_density_invocations_; }
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
  // An invocation, where one is due on this step.
  void invoke();
  bool other_moves_written();

  std::string style_;
  int attempts_per_invocation_ = 1;
  class RanPark *random_ = nullptr;
  double beta_ = 0.0;
  bigint next_invocation_ = 0;
  bool write_back_pending_ = false;
  bool after_forces_ = false;
  // OwnedAtoms::arrays_written() at this step's post_integrate: where it is the same in
  // post_force, no exsolve copy changed the atoms since before the pair style summed them.
  std::uint64_t written_before_forces_ = 0;
  std::vector<int> retyped_types_;
  bool write_in_place_ = false;  // this run: accepted moves are written in place (setup)
  double attempts_ = 0, accepted_ = 0, last_delta_u_ = 0;
  double computed_density_invocations_ = 0;
};

}  // namespace LAMMPS_NS
