// Oxygen chemical potential of a reducing atmosphere, for fix reduce/oxygen.
//
//   mu_O(T, pO2) = 1/2 E_O2 + dmu_O(T, p0) + 1/2 kT ln(pO2/p0)       (Reuter & Scheffler,
//   dmu_O(T, p0) = 1/2 [H(T) - H(0 K)]_O2 - 1/2 T S(T)_O2            PRB 65, 035406 (2001))
//   H2 + 1/2 O2 = H2O:  pO2/p0 = (pH2O/pH2)^2 exp(2 dG_f(T)/RT)
//
// with H and S of O2, H2 and H2O(g) from the NIST-JANAF Shomate fits (Chase 1998, as
// published in the NIST Chemistry WebBook) and H(298.15 K) - H(0 K) of O2 from JANAF.
// p0 = 1 bar. Valid 300-1500 K (checked in tests/unit against the JANAF-derived table of
// shared/SCIENCE.md and JANAF dG_f(H2O) values); outside that range functions throw.
// Plain C++14, no LAMMPS: unit-tested on its own.
#pragma once

#include <stdexcept>

namespace exsolve {
namespace thermo {

constexpr double T_MIN_K = 300.0;
constexpr double T_MAX_K = 1500.0;
constexpr double BOLTZMANN_EV_PER_K = 8.617333262e-5;  // CODATA 2018
constexpr double GAS_CONSTANT_J_PER_MOL_K = 8.314462618;
constexpr double KJ_PER_MOL_IN_EV = 1.0 / 96.48533212;  // 1 kJ/mol per particle, in eV
constexpr double BAR_PER_ATM = 1.01325;

class RangeError : public std::out_of_range {
 public:
  using std::out_of_range::out_of_range;
};

// dmu_O(T, p0 = 1 bar), eV per O atom (the O2 part, without 1/2 E_O2).
double delta_mu_oxygen_standard(double temperature_k);
// dmu_O(T, pO2), eV per O atom; pO2 in bar (> 0).
double delta_mu_oxygen(double temperature_k, double po2_bar);
// Standard Gibbs energy of formation of H2O(g), kJ/mol.
double gibbs_formation_water(double temperature_k);
// Equilibrium pO2 (bar) of an H2/H2O mixture with pH2/pH2O = ratio (> 0).
double po2_of_h2_h2o(double temperature_k, double h2_over_h2o);
// dmu_O (eV per O atom) of an H2/H2O mixture with pH2/pH2O = ratio.
double delta_mu_oxygen_h2_h2o(double temperature_k, double h2_over_h2o);

}  // namespace thermo
}  // namespace exsolve
