// The short-range part of the Pedone potential (Pedone et al., J. Phys. Chem. B 110, 11780
// (2006)): a Morse well plus a C/r^12 wall,
//     U(r) = D [(1 - exp(-a (r - r0)))^2 - 1] + C / r^12,
// in eV with r in Å. The Coulomb part (partial charges) is left to a LAMMPS coul style.
#pragma once

#include <cmath>

namespace exsolve {
namespace core {

struct PedoneParameters {
  double well_depth_ev = 0.0;           // D
  double stiffness_per_a = 0.0;         // a
  double equilibrium_distance_a = 0.0;  // r0
  double wall_ev_a12 = 0.0;             // C
};

inline double pedone_energy(const PedoneParameters &p, double r)
{
  const double one_minus_x = 1.0 - std::exp(-p.stiffness_per_a * (r - p.equilibrium_distance_a));
  return p.well_depth_ev * (one_minus_x * one_minus_x - 1.0) + p.wall_ev_a12 / std::pow(r, 12);
}

// -dU/dr (eV/Å): positive = repulsive.
inline double pedone_force(const PedoneParameters &p, double r)
{
  const double x = std::exp(-p.stiffness_per_a * (r - p.equilibrium_distance_a));
  return -2.0 * p.well_depth_ev * p.stiffness_per_a * x * (1.0 - x) + 12.0 * p.wall_ev_a12 / std::pow(r, 13);
}

}  // namespace core
}  // namespace exsolve
