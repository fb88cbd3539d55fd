#!/usr/bin/env bash
# The particle chemical potential of supported caps against the metal-oxide bond and the
# size (the seed's fig. 2B and 2A on a support): one Ni cap on SrTiO3(001) relaxed at 0 K
# (bond_trend.in), cut from fcc Ni by spheres of radius 6 to 10 A (49 to 218 atoms), with the
# weakly bound (ni_o_well_ev 0.15, W_sep 0.38 J/m^2) and the strongly bound setting (0.50,
# 2.09 J/m^2; potentials/README.md). Requires: the same atoms in both settings; mu_p lower
# where the cap is bound more strongly, at every size; and, weakly bound, mu_p falling with
# every step in size. Reports against the continuum estimates for hemispherical caps
# (Campbell and co-workers): the difference between the settings against
# -2 Delta W_sep Omega / D, and mu_p - mu_bulk against 2 (3 gamma - W_sep) Omega / D
# (gamma(111) = 1.436 J/m^2, Omega = 10.904 A^3: inputs/calibrate/surface_energy.in), with D
# the diameter of the hemisphere of the cap's atoms; the estimates' shape factor is not
# established, so the ratios are not tolerances.
# Usage: bond_trend.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"
for radius in 6.0 7.0 8.0 9.0 10.0; do
  for well in 0.15 0.50; do
    run_lammps "cap_${radius}_${well}.txt" "$@" -in "$here/bond_trend.in" -log none -var ni_o_well_ev "$well" \
      -var cap_radius "$radius"
    grep '^CAP ' "cap_${radius}_${well}.txt" >> caps.txt || fail "radius $radius, well $well: no CAP line"
  done
done
cat caps.txt
python3 - caps.txt <<'PY' || fail "mu_p is not lower for the strongly bound caps, or not falling with size (above)"
import math, sys
caps = {}
for line in open(sys.argv[1]):
    w = line.split()
    value = {w[i]: float(w[i + 1]) for i in range(1, len(w) - 1, 2)}
    caps[(value["radius"], value["well"])] = value
W_sep = {0.15: 0.38, 0.50: 2.09}  # J/m^2, potentials/README.md
gamma = 1.436  # J/m^2, fcc Ni (111), inputs/calibrate/surface_energy.in
omega = 10.904  # A^3 per Ni atom
eV_per_A2 = 1 / 16.021766  # per J/m^2
ok = True
radii = sorted({r for r, _ in caps})
for radius in radii:
    weak, strong = caps[(radius, 0.15)], caps[(radius, 0.50)]
    n = weak["atoms"]
    same = strong["atoms"] == n and weak["particles"] == 1 and strong["particles"] == 1
    change = strong["mu_minus_bulk"] - weak["mu_minus_bulk"]
    diameter = 2 * (3 * n * omega / (2 * math.pi)) ** (1 / 3)
    continuum = -2 * (W_sep[0.50] - W_sep[0.15]) * eV_per_A2 * omega / diameter
    lower = change < 0
    ok = ok and same and lower
    print(f"cap of {n:.0f} atoms (D {diameter:.2f} A): mu_p - mu_bulk {weak['mu_minus_bulk']:.4f} eV weakly bound "
          f"({weak['bonds_per_interface_atom']:.3f} bonds per interface atom), {strong['mu_minus_bulk']:.4f} eV "
          f"strongly bound ({strong['bonds_per_interface_atom']:.3f}): change {change:+.4f} eV, continuum "
          f"-2 dW_sep Omega/D {continuum:+.4f} eV, ratio {change / continuum:.2f}; "
          f"{'ok' if same and lower else 'FAIL'}")
    for well in (0.15, 0.50):
        cap = caps[(radius, well)]
        estimate = 2 * (3 * gamma - W_sep[well]) * eV_per_A2 * omega / diameter
        print(f"  well {well}: mu_p - mu_bulk {cap['mu_minus_bulk']:.4f} eV, 2 (3 gamma - W_sep) Omega / D "
              f"{estimate:.4f} eV, ratio {cap['mu_minus_bulk'] / estimate:.2f}")
weak = [caps[(r, 0.15)]["mu_minus_bulk"] for r in radii]
falling = all(b < a for a, b in zip(weak, weak[1:]))
ok = ok and falling
print(f"weakly bound, mu_p - mu_bulk by size: {', '.join(f'{v:.4f}' for v in weak)} eV: "
      f"{'falling' if falling else 'NOT falling: FAIL'}")
sys.exit(0 if ok else 1)
PY
pass "mu_p is lower on the strongly bound caps and falls with size"
