#include "core/thermochemistry.h"

#include <cmath>
#include <string>

namespace exsolve {
namespace thermo {

namespace {

// NIST Chemistry WebBook Shomate coefficients (data from Chase, NIST-JANAF Thermochemical
// Tables, 4th ed., J. Phys. Chem. Ref. Data Monograph 9 (1998)):
//   Cp = A + B t + C t^2 + D t^3 + E/t^2              (J/mol/K, t = T/1000)
//   H(T) - H(298.15) = A t + B t^2/2 + C t^3/3 + D t^4/4 - E/t + F - H   (kJ/mol)
//   S(T) = A ln t + B t + C t^2/2 + D t^3/3 - E/(2 t^2) + G              (J/mol/K)
struct Shomate {
  double t_min, t_max, A, B, C, D, E, F, G, H;
};

const Shomate O2[] = {{100.0, 700.0, 31.32234, -20.23531, 57.86644, -36.50624, -0.007374, -8.903471, 246.7945, 0.0},
                      {700.0, 2000.0, 30.03235, 8.772972, -3.988133, 0.788313, -0.741599, -11.32468, 236.1663, 0.0}};
const Shomate H2[] = {{298.0, 1000.0, 33.066178, -11.363417, 11.432816, -2.772874, -0.158558, -9.980797, 172.707974,
                       0.0},
                      {1000.0, 2500.0, 18.563083, 12.257357, -2.859786, 0.268238, 1.977990, -1.147438, 156.288133,
                       0.0}};
const Shomate H2O[] = {
    {500.0, 1700.0, 30.09200, 6.832514, 6.793435, -2.534480, 0.082139, -250.8810, 223.3967, -241.8264}};

// JANAF: H(298.15 K) - H(0 K) of O2, kJ/mol.
constexpr double O2_H298_MINUS_H0 = 8.683;
// JANAF: standard enthalpy of formation of H2O(g) at 298.15 K, kJ/mol.
constexpr double WATER_FORMATION_ENTHALPY_298 = -241.826;

template <std::size_t N>
const Shomate &range_for(const Shomate (&ranges)[N], double temperature_k, const char *species)
{
  for (const Shomate &r : ranges)
    if (temperature_k >= r.t_min && temperature_k <= r.t_max) return r;
  throw RangeError(std::string("no Shomate range of ") + species + " covers " + std::to_string(temperature_k) + " K");
}

// H(T) - H(298.15 K) in kJ/mol and S(T) in J/mol/K.
double enthalpy_increment(const Shomate &c, double temperature_k)
{
  const double t = temperature_k / 1000.0;
  return c.A * t + c.B * t * t / 2 + c.C * t * t * t / 3 + c.D * t * t * t * t / 4 - c.E / t + c.F - c.H;
}

double entropy(const Shomate &c, double temperature_k)
{
  const double t = temperature_k / 1000.0;
  return c.A * std::log(t) + c.B * t + c.C * t * t / 2 + c.D * t * t * t / 3 - c.E / (2 * t * t) + c.G;
}

void check_temperature(double temperature_k)
{
  if (!(temperature_k >= T_MIN_K && temperature_k <= T_MAX_K))
    throw RangeError("temperature " + std::to_string(temperature_k) + " K is outside the tabulated range " +
                     std::to_string(T_MIN_K) + "-" + std::to_string(T_MAX_K) + " K (no extrapolation)");
}

}  // namespace

double delta_mu_oxygen_standard(double temperature_k)
{
  check_temperature(temperature_k);
  const Shomate &o2 = range_for(O2, temperature_k, "O2");
  const double h_minus_h0 = O2_H298_MINUS_H0 + enthalpy_increment(o2, temperature_k);  // kJ/mol
  const double ts = temperature_k * entropy(o2, temperature_k) / 1000.0;               // kJ/mol
  return 0.5 * (h_minus_h0 - ts) * KJ_PER_MOL_IN_EV;
}

double delta_mu_oxygen(double temperature_k, double po2_bar)
{
  if (!(po2_bar > 0.0)) throw std::invalid_argument("pO2 must be > 0 bar");
  return delta_mu_oxygen_standard(temperature_k) + 0.5 * BOLTZMANN_EV_PER_K * temperature_k * std::log(po2_bar);
}

double gibbs_formation_water(double temperature_k)
{
  check_temperature(temperature_k);
  const Shomate &water = range_for(H2O, std::max(temperature_k, 500.0), "H2O");
  if (temperature_k < water.t_min) throw RangeError("H2O(g) Shomate fit starts at 500 K");
  const Shomate &h2 = range_for(H2, temperature_k, "H2");
  const Shomate &o2 = range_for(O2, temperature_k, "O2");
  const double dh = WATER_FORMATION_ENTHALPY_298 + enthalpy_increment(water, temperature_k) -
                    enthalpy_increment(h2, temperature_k) - 0.5 * enthalpy_increment(o2, temperature_k);
  const double ds = entropy(water, temperature_k) - entropy(h2, temperature_k) - 0.5 * entropy(o2, temperature_k);
  return dh - temperature_k * ds / 1000.0;
}

double po2_of_h2_h2o(double temperature_k, double h2_over_h2o)
{
  if (!(h2_over_h2o > 0.0)) throw std::invalid_argument("pH2/pH2O must be > 0");
  const double dg = gibbs_formation_water(temperature_k) * 1000.0;  // J/mol
  return std::exp(2.0 * dg / (GAS_CONSTANT_J_PER_MOL_K * temperature_k)) / (h2_over_h2o * h2_over_h2o);
}

double delta_mu_oxygen_h2_h2o(double temperature_k, double h2_over_h2o)
{
  if (!(h2_over_h2o > 0.0)) throw std::invalid_argument("pH2/pH2O must be > 0");
  return delta_mu_oxygen_standard(temperature_k) + gibbs_formation_water(temperature_k) * KJ_PER_MOL_IN_EV -
         BOLTZMANN_EV_PER_K * temperature_k * std::log(h2_over_h2o);
}

}  // namespace thermo
}  // namespace exsolve
