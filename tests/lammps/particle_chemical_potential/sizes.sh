#!/usr/bin/env bash
# compute particle/chemical_potential against dE/dN on relaxed fcc Ni cuboctahedra of 55 to
# 1 415 atoms (sizes.in, Ni EAM, 0 K). Oracle, independent of the compute's formula: a
# least-squares fit E(N) = a N + b N^(2/3) + c N^(1/3) + d of the relaxed energies over the
# six sizes, differentiated. Requires: the fit's bulk term a within 0.01 eV of the bulk
# energy the compute is given (-4.45 eV, potentials_calibration), and at every size mu
# within 0.05 eV or 10 % of mu - a of dE/dN; prints every number. Size trend against the
# continuum (the seed's fig. 2A): a sphere of the same atoms with the model's lowest surface
# energy (gamma(111) from inputs/calibrate/surface_energy.in) has E_x = gamma (36 pi)^(1/3)
# Omega^(2/3) N^(2/3), i.e. mu - mu_bulk = 2 gamma Omega / r; no particle of facets with
# gamma >= gamma(111) has a smaller surface energy (the sphere has the least area for its
# volume), so the fitted N^(2/3) coefficient must be at least the sphere's; the test
# requires a ratio of 1.0 to 1.5 (a cuboctahedron has 10.5 % more area than the sphere of its
# volume, and its {100} faces a higher gamma)
# and prints it with gamma(100) as well.
# Usage: sizes.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"
run_lammps surface.txt "$@" -in "$(cd "$here/../../.." && pwd)/inputs/calibrate/surface_energy.in" -log none
grep '^EXSOLVE_RESULT ' surface.txt > surface_energy.txt || fail "surface_energy.in printed no result"
cat surface_energy.txt
for k in 2 3 4 5 6 7; do
  run_lammps "k$k.txt" "$@" -in "$here/sizes.in" -log none -var k "$k"
  grep '^SIZE ' "k$k.txt" >>sizes.txt || fail "k = $k: no SIZE line"
done
python3 - sizes.txt surface_energy.txt <<'PY' || fail "mu differs from dE/dN of the fit, or the size trend from the continuum (above)"
import math, sys
rows = [line.split() for line in open(sys.argv[1])]
data = [(float(r[1]), float(r[3]), float(r[7])) for r in rows]  # N, E, mu
X = [[n, n ** (2 / 3), n ** (1 / 3), 1.0] for n, _, _ in data]
y = [e for _, e, _ in data]
m = len(X[0])
A = [[sum(row[i] * row[j] for row in X) for j in range(m)] for i in range(m)]
b = [sum(row[i] * yk for row, yk in zip(X, y)) for i in range(m)]
for i in range(m):  # Gauss-Jordan with partial pivoting on the normal equations
    p = max(range(i, m), key=lambda r: abs(A[r][i]))
    A[i], A[p], b[i], b[p] = A[p], A[i], b[p], b[i]
    for r in range(m):
        if r != i:
            f = A[r][i] / A[i][i]
            A[r] = [A[r][j] - f * A[i][j] for j in range(m)]
            b[r] -= f * b[i]
a, b2, c, d = (b[i] / A[i][i] for i in range(m))
print(f"fit: E(N) = {a:.6f} N + {b2:.6f} N^(2/3) + {c:.6f} N^(1/3) + {d:.6f}")
ok = abs(a - (-4.45)) <= 0.01
print(f"bulk term {a:.6f} eV against the compute's bulk -4.45 eV: {'ok' if ok else 'FAIL'}")
for n, e, mu in data:
    slope = a + 2 / 3 * b2 * n ** (-1 / 3) + 1 / 3 * c * n ** (-2 / 3)
    tolerance = max(0.05, 0.1 * abs(slope - a))
    good = abs(mu - slope) <= tolerance
    ok = ok and good
    print(f"N {n:.0f}: mu {mu:.5f} eV, dE/dN {slope:.5f} eV, mu - mu_bulk {mu + 4.45:.5f} eV, "
          f"difference {mu - slope:+.5f} eV (tolerance {tolerance:.3f}) {'ok' if good else 'FAIL'}")
words = open(sys.argv[2]).read().split()
value = {words[i]: float(words[i + 1]) for i in range(1, len(words) - 1, 2)}
J_per_m2 = 1 / 16.021766  # eV/A^2
omega = value["omega_A3"]
for face in ("111", "100"):
    gamma = value[f"gamma_{face}_J_per_m2"] * J_per_m2
    sphere = gamma * (36 * math.pi) ** (1 / 3) * omega ** (2 / 3)
    ratio = b2 / sphere
    n = data[-1][0]
    r = (3 * n * omega / (4 * math.pi)) ** (1 / 3)
    print(f"gamma({face}) {value[f'gamma_{face}_J_per_m2']:.4f} J/m^2: sphere E_x/N^(2/3) {sphere:.4f} eV, "
          f"fit {b2:.4f} eV, ratio {ratio:.3f}; at N {n:.0f} (r {r:.2f} A) 2 gamma Omega / r "
          f"{2 * gamma * omega / r:.4f} eV against mu - mu_bulk {data[-1][2] + 4.45:.4f} eV")
    if face == "111":
        good = 1.0 <= ratio <= 1.5
        ok = ok and good
        print(f"size trend against the continuum with gamma(111): ratio {ratio:.3f} in [1.0, 1.5]: "
              f"{'ok' if good else 'FAIL'}")
sys.exit(0 if ok else 1)
PY
pass "mu agrees with dE/dN of the relaxed energies at six sizes"
