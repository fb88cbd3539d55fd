// The YAML configuration of exsolve-analyze: which atom types are what, cutoffs, the
// surface normal, which frames, where results go. Every missing or wrong key is an error
// naming the key and the file; unknown keys are errors too (a typo must not silently fall
// back to a default).
#pragma once

#include "core/pair_cutoff_rules.h"
#include "core/pair_cutoffs.h"

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
  std::vector<int> metal_types;    // required: atoms that form particles
  std::vector<int> oxygen_types;   // bond partners (bonds analysis)
  std::vector<int> support_types;  // support atoms (socket analysis)
  std::vector<int> dopant_types;   // dissolved metal cations, e.g. Ni2+ (segregation)
  std::vector<int> site_types;     // B-site cations: the oxygen sites and the top plane (segregation)
  double lattice_spacing = 0.0;    // Å, the perovskite's (segregation; 0: not given)
  double particle_cutoff = 0.0;    // Å, required: r < cutoff joins two metal atoms
  // Metal–oxygen bonds (r < cutoff of the type pair): the `cutoff` keywords of compute
  // interface/bonds in order, bond_cutoff (a global rule) first, then bond_cutoffs; empty:
  // neither key given. The entries as written, for the sidecar.
  std::vector<core::CutoffRule> bond_cutoff_rules;
  double bond_cutoff = 0.0;                      // Å, the bond_cutoff key (0: not given)
  std::vector<std::string> bond_cutoff_entries;  // the bond_cutoffs key, e.g. "1 2 2.6"
  double timestep = 0.0;                         // ps per MD step (track: diffusion coefficients; 0: not given)
  double surface_cell = 3.0;                     // Å, grid of the support surface map (socket)
  double socket_ring_width = 5.0;                // Å, width of the rim annulus around a particle (socket)
  long min_size = 1;                             // atoms; smaller clusters are free atoms (adatoms)
  double atomic_volume = 0.0;                    // Å^3 per metal atom, required: equivalent diameters
  int surface_axis = 2;                          // 0 x, 1 y, 2 z
  long first_frame = 0;                          // frames to analyse: first, last (-1: to the end), every
  long last_frame = -1;
  long frame_every = 1;
  std::string output;  // required: output directory
  // compute particle/chemical_potential's rows (fix ave/time mode vector file) of the run
  // the dumps are from (report; empty: not given)
  std::string chemical_potential_file;
  int threads = 1;  // frames analysed at once (set by --threads, not in YAML)
  // Whether bonds writes bonds_annotated.dump, a copy of every frame with per-atom labels
  // and bond counts: always for the bonds subcommand; for report only with
  // --annotated-dump (not in YAML), which otherwise writes tables, plots and its page.
  bool annotated_dump = true;
  std::string source;  // the file it was read from
};

AnalysisConfig load_analysis_config(const std::string &path);

// The bond cutoff table of the configuration: bond_cutoff_rules on the atom types up to
// the largest of metal_types and oxygen_types (other types form no metal–oxygen pair).
// The rules were checked when the configuration was read.
core::PairCutoffs bond_cutoffs(const AnalysisConfig &config);

// For analyses that need more than the common keys: throws ConfigError naming the key and
// the analysis when `key` was not given.
void require_key(const AnalysisConfig &config, const std::string &key, bool given, const std::string &analysis);

}  // namespace io
}  // namespace exsolve
