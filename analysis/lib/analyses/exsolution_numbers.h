// The numbers exsolve-analyze compare sets side by side for the exsolution study (a doped
// host under a reducing atmosphere, inputs/exsolution/study.sh), measured for one run: its
// series.txt (inputs/exsolution/exsolution.in) and the segregation analysis of its dump
// (analyses/exsolution_run_layout.h). The question: does the host (e.g. A-site
// deficiency) bring more nickel to the surface, reduce more of it, and make more or
// earlier particles?
#pragma once

#include <string>
#include <vector>

namespace exsolve {
namespace analyses {

struct ExsolutionNumbers {
  double duration_ps = 0.0;
  double nickel_reduced = 0.0;         // Ni(0) at the end (= oxygens removed by the reduction)
  double surface_nickel = 0.0;         // last frame: Ni2+ and Ni(0) in the surface layers, adatoms, particles
  double metal_in_particles = 0.0;     // last frame: Ni(0) in particles
  double particles_final = 0.0;        // living particles at the end
  double births = 0.0;                 // particles born during the run
  double first_particle_ps = 0.0;      // time of the first output with a particle (NaN: none)
  double exchanges = 0.0, hops = 0.0;  // accepted cation exchanges and vacancy hops
  // The Ni(0) count at each output of series.txt, for the plot over conditions.
  std::vector<double> time_ps, metal;
};

// True if `run_directory`'s series.txt is one of exsolution.in (it has the Ni2+ column).
bool is_exsolution_run(const std::string &run_directory);

// Throws std::runtime_error naming the file for anything missing or malformed.
ExsolutionNumbers measure_exsolution_run(const std::string &run_directory);

}  // namespace analyses
}  // namespace exsolve
