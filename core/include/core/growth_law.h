// Coarsening laws r^n - r0^n = K t (n = 2 interface-limited, 3 volume-diffusion LSW,
// 4 surface-diffusion ripening; migration–coalescence with D ~ R^-a gives n ~ a + 3):
// least-squares fits of r^n against t for each n, with the coefficient of determination;
// the best n is the one with the highest R^2. A secondary check only: the size
// distribution cannot tell the mechanisms apart (Datye et al., Catal. Today 111, 59 (2006)).
// Plain C++14, no I/O.
#pragma once

#include <vector>

namespace exsolve {
namespace core {

struct GrowthFit {
  int exponent = 0;        // n
  double rate = 0.0;       // K, length^n / time
  double initial = 0.0;    // r0 (length); NaN-free: 0 if r0^n < 0
  double r_squared = 0.0;  // of r^n against t
};

// times and mean radii of equal length (>= 3 points); throws std::invalid_argument otherwise.
std::vector<GrowthFit> fit_growth_laws(const std::vector<double> &times, const std::vector<double> &radii,
                                       const std::vector<int> &exponents = {2, 3, 4});
int best_exponent(const std::vector<GrowthFit> &fits);

}  // namespace core
}  // namespace exsolve
