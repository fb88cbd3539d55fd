// The YAML configuration of exsolve-analyze: which atom types are what, cutoffs, the
// surface normal, which frames, where results go. Every missing or wrong key is an error
// naming the key and the file; unknown keys are errors too (a typo must not silently fall
// back to a default).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace exsolve {
namespace io {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct AnalysisConfig {
  std::vector<int> metal_types;       // required: atoms that form particles
  std::vector<int> oxygen_types;      // bond partners (bonds analysis)
  std::vector<int> support_types;     // support atoms (socket analysis)
  double particle_cutoff = 0.0;       // Å, required: r < cutoff joins two metal atoms
  double bond_cutoff = 0.0;           // Å, metal–oxygen bond: r < bond_cutoff (0: not given)
  double timestep = 0.0;              // ps per MD step (track: diffusion coefficients; 0: not given)
  double surface_cell = 3.0;          // Å, grid of the support surface map (socket)
  double socket_ring_width = 5.0;     // Å, width of the rim annulus around a particle (socket)
  long min_size = 1;                  // atoms; smaller clusters are free atoms (adatoms)
  double atomic_volume = 0.0;         // Å^3 per metal atom, required: equivalent diameters
  int surface_axis = 2;               // 0 x, 1 y, 2 z
  long first_frame = 0;               // frames to analyse: first, last (-1: to the end), every
  long last_frame = -1;
  long frame_every = 1;
  std::string output;                 // required: output directory
  int threads = 1;                    // frames analysed at once (set by --threads, not in YAML)
  std::string source;                 // the file it was read from
};

AnalysisConfig load_analysis_config(const std::string &path);

// For analyses that need more than the common keys: throws ConfigError naming the key and
// the analysis when `key` was not given.
void require_key(const AnalysisConfig &config, const std::string &key, bool given, const std::string &analysis);

}  // namespace io
}  // namespace exsolve
