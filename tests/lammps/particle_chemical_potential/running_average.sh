#!/usr/bin/env bash
# compute particle/chemical_potential's running averages (running_average.in). Oracle: the
# series of each particle's mu_p - mu_bulk (column 4) in rows_continuous.txt, averaged here
# from `start 2` on, with the standard error of blocks of 3 (`block 3`) complete blocks:
# columns 7-9 (mean, error, samples) must agree at every step, to 1e-12; the error is
# "nan" until two blocks are complete. Restart: the last step's rows of the run that was
# written to and read from a restart file equal the unbroken run's (1e-12: the neighbor
# lists rebuilt after read_restart add their sums in another order).
# Usage: running_average.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"
run_lammps output.txt "$@" -in "$here/running_average.in" -log none
python3 - rows_continuous.txt rows_restarted.txt <<'PY' || fail "running averages differ from the series or across the restart (above)"
import math, sys

def blocks(path):
    """{step: [row values]} of a fix ave/time mode vector file."""
    out, lines = {}, [l.split() for l in open(path) if not l.startswith("#")]
    k = 0
    while k < len(lines):
        step, n = int(lines[k][0]), int(lines[k][1])
        out[step] = [[float(v) for v in line[1:]] for line in lines[k + 1:k + 1 + n]]
        k += 1 + n
    return out

def close(a, b):
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) <= 1e-12 * max(1.0, abs(b))

start, per_block = 2, 3
continuous = blocks(sys.argv[1])
series, ok, checked = {}, True, 0
for step in sorted(continuous):
    for row in continuous[step]:
        pid = row[0]
        if step >= start:
            series.setdefault(pid, []).append(row[3])
        values = series.get(pid, [])
        n = len(values)
        mean = sum(values) / n if n else float("nan")
        means = [sum(values[b * per_block:(b + 1) * per_block]) / per_block for b in range(n // per_block)]
        if len(means) >= 2:
            m = sum(means) / len(means)
            error = math.sqrt(sum((x - m) ** 2 for x in means) / (len(means) - 1) / len(means))
        else:
            error = float("nan")
        good = close(row[6], mean) and close(row[7], error) and row[8] == n
        checked += 1
        if not good or step == max(continuous):
            print(f"step {step} particle {pid:.0f}: compute mean {row[6]!r} error {row[7]!r} samples {row[8]:.0f}; "
                  f"series mean {mean!r} error {error!r} samples {n} {'ok' if good else 'FAIL'}")
        ok = ok and good
print(f"{checked} rows checked against the series")
restarted = blocks(sys.argv[2])
last = max(continuous)
if last not in restarted or len(restarted[last]) != len(continuous[last]):
    print(f"restarted run has no rows for step {last}")
    ok = False
else:
    for a, b in zip(continuous[last], restarted[last]):
        same = all(close(x, y) for x, y in zip(b, a))
        print(f"step {last} particle {a[0]:.0f} after restart: mean {b[6]!r} error {b[7]!r} samples {b[8]:.0f} "
              f"{'same' if same else 'DIFFERENT'}")
        ok = ok and same
errors_seen = sum(1 for rows in continuous.values() for r in rows if not math.isnan(r[7]))
if errors_seen == 0:
    print("no step had two complete blocks")
    ok = False
sys.exit(0 if ok else 1)
PY
pass
