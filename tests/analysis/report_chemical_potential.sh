#!/usr/bin/env bash
# exsolve-analyze report with the run's compute particle/chemical_potential rows
# (chemical_potential.in: a Ni cap on SrTiO3, the demo's model, 80 MD steps, rows every 4).
# Oracles, computed here from the LAMMPS file: chemical_potential.csv holds every row
# (time = step x timestep, particle, atoms, mu_p - mu_bulk, bonds); the key number is the
# atom-weighted mean per output step over the second half of the steps in 5 blocks (value
# and block standard error, 1e-12). The page draws fig. 2A and 2B; without the compute's
# bonds column 2B is not drawn and the page says why. Bad input: a missing rows file, a
# malformed one, no timestep: errors naming the file or the key.
# Usage: report_chemical_potential.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"
run_lammps lammps.txt -in "$here/chemical_potential.in" -log log.lammps
"$analyze" report -c "$here/chemical_potential.yaml" cap.dump >report.txt 2>&1 || { cat report.txt; fail "exsolve-analyze report failed"; }

python3 - chemical_potential.txt report-out/chemical_potential.csv report-out/chemical_potential.json <<'PY' \
  || fail "the report's chemical potential differs from the rows LAMMPS wrote (above)"
import csv, json, math, sys
lines = [l.split() for l in open(sys.argv[1]) if not l.startswith("#")]
rows, means, k = [], [], 0
while k < len(lines):
    step, n = int(lines[k][0]), int(lines[k][1])
    block = [[float(v) for v in line[1:]] for line in lines[k + 1:k + 1 + n]]
    rows += [(step * 0.001, r[0], r[1], r[3], r[6]) for r in block]
    if block:
        means.append(sum(r[1] * r[3] for r in block) / sum(r[1] for r in block))
    k += 1 + n
table = list(csv.DictReader(open(sys.argv[2])))
ok = len(table) == len(rows) and len(rows) > 0
print(f"{len(table)} table rows for {len(rows)} rows of the LAMMPS file")
for t, r in zip(table, rows):
    got = (float(t["time_ps"]), float(t["particle"]), float(t["atoms"]), float(t["chemical_potential_excess_eV"]),
           float(t["bonds_per_interface_atom"]))
    if any(abs(a - b) > 1e-12 * max(1.0, abs(b)) for a, b in zip(got, r)):
        print(f"row {t} differs from {r}")
        ok = False
half = means[len(means) // 2:]
per = len(half) // 5
blocks = [sum(half[b * per:(b + 1) * per]) / per for b in range(5)]
value = sum(blocks) / 5
error = math.sqrt(sum((x - value) ** 2 for x in blocks) / 4 / 5)
mean = json.load(open(sys.argv[3]))["mean_excess_eV"]
print(f"mean of mu_p - mu_bulk: report {mean['value']} +- {mean['standard_error']}, here {value} +- {error} "
      f"({len(means)} output steps, blocks of {per})")
ok = ok and per >= 2 and abs(mean["value"] - value) <= 1e-12 and abs(mean["standard_error"] - error) <= 1e-12
sys.exit(0 if ok else 1)
PY
for plot in chemical_potential_size chemical_potential_bonds; do
  grep -A2 "<figure id='$plot'>" report-out/report.html | grep -q "<svg" || fail "report.html does not draw $plot"
done
grep -q "<td>chemical_potential_excess_eV</td><td>0\.[0-9]" report-out/report.html \
  || fail "report.html lacks the key number chemical_potential_excess_eV"

# Without the bonds column (a compute without `bonds`: 9 columns) fig. 2B is not drawn.
awk '/^# Row/ { $9 = ""; print; next } NF == 11 { $8 = "" } { print }' chemical_potential.txt > no_bonds.txt
sed 's/^chemical_potential_file: .*/chemical_potential_file: no_bonds.txt/; s/^output: .*/output: out-no-bonds/' \
  "$here/chemical_potential.yaml" > no_bonds.yaml
"$analyze" report -c no_bonds.yaml cap.dump >no_bonds.txt.log 2>&1 || { cat no_bonds.txt.log; fail "report without bonds failed"; }
grep -q "Not drawn: the compute had no bonds keyword" out-no-bonds/report.html || fail "fig. 2B without bonds: no reason given"
grep -A2 "<figure id='chemical_potential_size'>" out-no-bonds/report.html | grep -q "<svg" || fail "fig. 2A without bonds not drawn"

# expect_error NAME TEXT YAML: report fails and its stderr holds TEXT.
expect_error() {
  local status=0
  "$analyze" report -c "$3" cap.dump >/dev/null 2>"$1.err" || status=$?
  [ "$status" -ne 0 ] || fail "$1: report succeeded"
  grep -qF -- "$2" "$1.err" || { cat "$1.err"; fail "$1: the error does not say '$2'"; }
}
sed 's/^chemical_potential_file: .*/chemical_potential_file: nowhere.txt/; s/^output: .*/output: out-missing/' "$here/chemical_potential.yaml" > missing.yaml
expect_error missing "nowhere.txt" missing.yaml
head -6 chemical_potential.txt > malformed.txt
echo "1 1 67 abc" >> malformed.txt
sed 's/^chemical_potential_file: .*/chemical_potential_file: malformed.txt/; s/^output: .*/output: out-malformed/' "$here/chemical_potential.yaml" > malformed.yaml
expect_error malformed "malformed.txt:7: 'abc' is not a number" malformed.yaml
grep -v '^timestep' "$here/chemical_potential.yaml" | sed 's/^output: .*/output: out-no-timestep/' > no_timestep.yaml
expect_error no_timestep "key 'chemical_potential_file': needs timestep" no_timestep.yaml
pass
