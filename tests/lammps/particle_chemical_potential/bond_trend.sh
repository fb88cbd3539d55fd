#!/usr/bin/env bash
# The particle chemical potential against the metal-oxide bond (the seed's fig. 2B): one Ni
# cap on SrTiO3(001) relaxed at 0 K (bond_trend.in) with the weakly bound (ni_o_well_ev
# 0.15, W_sep 0.38 J/m^2) and the strongly bound setting (0.50, 2.09 J/m^2;
# potentials/README.md), at two cap sizes. Requires: the same atoms in both settings, and
# mu_p lower where the cap is bound more strongly. Reports the difference against the
# continuum estimate for hemispherical caps, -2 Delta W_sep Omega / D (Campbell and
# co-workers), with D the diameter of the hemisphere of the cap's atoms (Omega = 10.904 A^3,
# inputs/calibrate/surface_energy.in), and the ratio; the estimate's shape factor is not
# established, so the ratio is not a tolerance.
# Usage: bond_trend.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"
for radius in 7.0 9.0; do
  for well in 0.15 0.50; do
    run_lammps "cap_${radius}_${well}.txt" "$@" -in "$here/bond_trend.in" -log none -var ni_o_well_ev "$well" \
      -var cap_radius "$radius"
    grep '^CAP ' "cap_${radius}_${well}.txt" >> caps.txt || fail "radius $radius, well $well: no CAP line"
  done
done
cat caps.txt
python3 - caps.txt <<'PY' || fail "mu_p is not lower for the strongly bound caps (above)"
import math, sys
caps = {}
for line in open(sys.argv[1]):
    w = line.split()
    value = {w[i]: float(w[i + 1]) for i in range(1, len(w) - 1, 2)}
    caps[(value["radius"], value["well"])] = value
W_sep = {0.15: 0.38, 0.50: 2.09}  # J/m^2, potentials/README.md
omega = 10.904  # A^3 per Ni atom
ok = True
for radius in sorted({r for r, _ in caps}):
    weak, strong = caps[(radius, 0.15)], caps[(radius, 0.50)]
    n = weak["atoms"]
    same = strong["atoms"] == n and weak["particles"] == 1 and strong["particles"] == 1
    change = strong["mu_minus_bulk"] - weak["mu_minus_bulk"]
    diameter = 2 * (3 * n * omega / (2 * math.pi)) ** (1 / 3)
    continuum = -2 * (W_sep[0.50] - W_sep[0.15]) / 16.021766 * omega / diameter
    lower = change < 0
    ok = ok and same and lower
    print(f"cap of {n:.0f} atoms (D {diameter:.2f} A): mu_p - mu_bulk {weak['mu_minus_bulk']:.4f} eV weakly bound "
          f"({weak['bonds_per_interface_atom']:.3f} bonds per interface atom), {strong['mu_minus_bulk']:.4f} eV "
          f"strongly bound ({strong['bonds_per_interface_atom']:.3f}): change {change:+.4f} eV, continuum "
          f"-2 dW_sep Omega/D {continuum:+.4f} eV, ratio {change / continuum:.2f}; "
          f"{'ok' if same and lower else 'FAIL'}")
sys.exit(0 if ok else 1)
PY
pass "mu_p is lower on the strongly bound caps"
