// Diffusion from centre-of-mass trajectories: time-averaged in-plane mean squared
// displacement MSD(lag) = <|r(t + lag) - r(t)|^2> over time origins, then MSD = 4 D lag
// fitted by least squares over the first quarter of the lags (the linear regime with the
// most origins), and the MSD exponent from a log-log fit (1: diffusive, < 1: pinned).
// Plain C++14, no I/O.
#pragma once

#include "core/periodic_box.h"

#include <vector>

namespace exsolve {
namespace core {

struct MsdPoint {
  double lag = 0.0;  // time units of the input
  double msd = 0.0;  // length units squared
  long samples = 0;  // (particle, origin) pairs averaged
};

struct DiffusionFit {
  double diffusion = 0.0;              // length^2 / time, D = slope / 4 (2D)
  double diffusion_uncertainty = 0.0;  // standard error of D from the fit
  double exponent = 0.0;               // MSD ~ lag^exponent
  int points = 0;                      // lags used in the fit
};

// trajectories[p] = in-plane unwrapped positions of particle p at times[k] (equally spaced
// frames; a trajectory may be shorter than times, starting at frame 0 of its own).
// plane_axes: the two in-plane axes.
std::vector<MsdPoint> mean_squared_displacement(const std::vector<std::vector<Vec3>> &trajectories,
                                                double frame_interval, int plane_axis_a, int plane_axis_b);
DiffusionFit fit_diffusion(const std::vector<MsdPoint> &msd);

// D with an error bar that reflects the few, correlated trajectories a simulation has:
// every trajectory is cut into `blocks` equal time blocks, D is fitted in each (particle,
// block) segment as above, and the result is their mean with the standard error of the
// mean over segments. (The least-squares error of one fit to an MSD averaged over time
// origins is far too small: neighbouring MSD points share almost all their data.)
// Segments shorter than min_frames are skipped; with fewer than 2 segments there is no
// estimate (D and its error are NaN) and `segments` says why.
struct BlockDiffusion {
  double diffusion = 0.0;
  double standard_error = 0.0;
  int segments = 0;
};
BlockDiffusion block_diffusion(const std::vector<std::vector<Vec3>> &trajectories, double frame_interval,
                               int plane_axis_a, int plane_axis_b, int blocks = 4, int min_frames = 8);

}  // namespace core
}  // namespace exsolve
