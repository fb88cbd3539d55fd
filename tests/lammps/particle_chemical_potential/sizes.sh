#!/usr/bin/env bash
# compute particle/chemical_potential against dE/dN on relaxed fcc Ni cuboctahedra of 55 to
# 1 415 atoms (sizes.in, Ni EAM, 0 K). Oracle, independent of the compute's formula: a
# least-squares fit E(N) = a N + b N^(2/3) + c N^(1/3) + d of the relaxed energies over the
# six sizes, differentiated. Requires: the fit's bulk term a within 0.01 eV of the bulk
# energy the compute is given (-4.45 eV, potentials_calibration), and at every size mu
# within 0.05 eV or 10 % of mu - a of dE/dN; prints every number.
# Usage: sizes.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"
for k in 2 3 4 5 6 7; do
  run_lammps "k$k.txt" "$@" -in "$here/sizes.in" -log none -var k "$k"
  grep '^SIZE ' "k$k.txt" >>sizes.txt || fail "k = $k: no SIZE line"
done
python3 - sizes.txt <<'PY' || fail "mu differs from dE/dN of the fit (above)"
import sys
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
sys.exit(0 if ok else 1)
PY
pass "mu agrees with dE/dN of the relaxed energies at six sizes"
