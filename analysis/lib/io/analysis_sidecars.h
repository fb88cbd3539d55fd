// Results read back from the JSON sidecars the analyses write (exsolve-analyze report puts
// them on its page, compare sets conditions side by side): track.json's diffusion
// estimates and coarsening.json's best growth-law exponent.
#pragma once

#include <limits>
#include <stdexcept>
#include <string>

namespace exsolve {
namespace io {

// A sidecar without a value a reader needs (typically written by an older exsolve-analyze)
// or with a value of the wrong kind; the message names the file and the key.
class SidecarError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// track.json's "diffusion"; NaN where the sidecar holds null (no estimate).
struct DiffusionEstimates {
  double diffusion = std::numeric_limits<double>::quiet_NaN();              // Å²/ps, fit to the mean MSD
  double diffusion_uncertainty = std::numeric_limits<double>::quiet_NaN();  // its least-squares error
  double msd_exponent = std::numeric_limits<double>::quiet_NaN();
  // "blocks": mean and standard error over (particle, time block) segments, the estimate to
  // compare conditions with, and the number of segments.
  double block_diffusion = std::numeric_limits<double>::quiet_NaN();
  double block_standard_error = std::numeric_limits<double>::quiet_NaN();
  int block_segments = 0;
};

// Throw std::runtime_error "cannot read <path>", "<path>: <JSON parse error>", or
// SidecarError "<path> lacks <key path> (made by an older exsolve-analyze?)".
DiffusionEstimates read_diffusion_estimates(const std::string &track_json);
int read_best_growth_exponent(const std::string &coarsening_json);

}  // namespace io
}  // namespace exsolve
