#!/usr/bin/env bash
# exsolve-analyze compare on runs of the exsolution study (inputs/exsolution/study.sh),
# written here with known numbers (no LAMMPS): two hosts, 3 and 4 replicas, each a
# series.txt as exsolution.in writes it and the segregation tables of its dump. Oracles:
# per host the mean and standard error over replicas of each quantity (surface nickel: Ni2+
# and Ni(0) in layers 0-2 of the last frame plus adatoms and particles; Ni(0) at the end;
# the first output with a particle), and Welch's test of each difference, computed by
# tests/unit/statistics/hand_numbers.py (its own t distribution). A host where one replica
# never had a particle has no estimate of the first particle's time, and the answer says why;
# a run directory of the demo among them is an error naming the mix.
# Usage: compare_exsolution.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
fresh_workdir "$work"

# write_run DIR NI0 PARTICLES BIRTHS FIRST_PARTICLE_ROW SURFACE_DOPANTS DEEP_DOPANTS ADATOMS IN_PARTICLES:
# 5 output rows every 0.1 ps; Ni(0) rising to NI0; particles from row FIRST_PARTICLE_ROW
# (0: never); the last frame's layers 0-2 hold SURFACE_DOPANTS Ni2+ (split over layers 0
# and 2) and one lattice Ni(0) in layer 0, layer 4 holds DEEP_DOPANTS (not surface).
write_run() {
  local dir=$1 ni0=$2 particles=$3 births=$4 first=$5 surface=$6 deep=$7 adatoms=$8 in_particles=$9
  mkdir -p "$dir/segregation"
  {
    printf '# Time-averaged data for fix series\n'
    printf '# TimeStep v_time_ps v_removed c_ni2 v_ni0 f_exchange[2] f_hops[2] f_hops[4] f_track[1] f_track[2] f_track[3]\n'
    for row in 1 2 3 4 5; do
      local p=0
      [ "$first" -gt 0 ] && [ "$row" -ge "$first" ] && p=$particles
      awk -v r="$row" -v n="$ni0" -v p="$p" -v b="$births" 'BEGIN {
        printf "%d %g %d %d %d 0 3 20 %d 5 %d\n", r * 100, r * 0.1, n * r / 5, 26 - n * r / 5, n * r / 5, p, (p > 0 ? b : 0) }'
    done
  } > "$dir/series.txt"
  {
    echo "frame,timestep,top_A,dopants,metal_lattice,metal_adatoms,metal_in_particles,particles,mean_atoms,largest_particle_atoms,oxygen_sites,oxygen_vacancies"
    echo "0,0,15.6,26,0,0,0,0,0,0,500,26"
    echo "1,500,15.6,$((surface + deep)),1,$adatoms,$in_particles,$particles,4,4,500,30"
  } > "$dir/segregation/segregation_frames.csv"
  {
    echo "frame,timestep,layer,depth_A,dopants,metal_lattice,oxygen_sites,oxygen_vacancies"
    echo "0,0,0,0,9,0,128,5"
    echo "1,500,0,0,$((surface - surface / 2)),1,128,6"
    echo "1,500,1,1.9525,0,0,64,2"
    echo "1,500,2,3.905,$((surface / 2)),0,128,3"
    echo "1,500,4,7.81,$deep,0,128,1"
  } > "$dir/segregation/segregation.csv"
}
#                                       Ni0 part births first surf deep adatoms in_particles
write_run stoich/replica-1                5   1    1     3     6    10   0       4
write_run stoich/replica-2                6   1    2     4     5    11   1       4
write_run stoich/replica-3                4   0    0     0     7     9   0       0
write_run deficient/replica-1             8   2    2     2     8     8   1       8
write_run deficient/replica-2             9   1    1     2     9     7   0       5
write_run deficient/replica-3             7   2    3     3     7     9   2       9
write_run deficient/replica-4             8   1    1     4     8     8   0       4

"$analyze" compare --condition stoich=stoich --condition deficient=deficient -o out > answer.txt 2>&1 \
  || { cat answer.txt; fail "compare failed on exsolution runs"; }
cat answer.txt
for f in exsolution_comparison.csv exsolution_replicas.csv exsolution_differences.csv comparison.json comparison.html \
         exsolution_series_stoich_replica-1.csv; do
  [ -s "out/$f" ] || fail "out/$f missing"
done
grep -q "<svg" out/comparison.html || fail "comparison.html has no plot"

python3 - "$here/../unit/statistics" out <<'PY' || fail "compare's numbers differ from the hand-computed ones (above)"
import csv, math, sys
sys.path.insert(0, sys.argv[1])
import hand_numbers as h
out = sys.argv[2]
runs = {  # per host: (Ni0, particles, births, first row, surface Ni2+, deep, adatoms, in particles)
    "stoich": [(5, 1, 1, 3, 6, 10, 0, 4), (6, 1, 2, 4, 5, 11, 1, 4), (4, 0, 0, 0, 7, 9, 0, 0)],
    "deficient": [(8, 2, 2, 2, 8, 8, 1, 8), (9, 1, 1, 2, 9, 7, 0, 5), (7, 2, 3, 3, 7, 9, 2, 9), (8, 1, 1, 4, 8, 8, 0, 4)]}
quantity = {
    "surface_nickel": lambda r: r[4] + 1 + r[6] + r[7],  # Ni2+ in layers 0-2, the lattice Ni(0), adatoms, particles
    "nickel_reduced": lambda r: r[0],
    "metal_in_particles": lambda r: r[7],
    "particles_final": lambda r: r[1],
    "first_particle_ps": lambda r: r[3] * 0.1 if r[3] else float("nan")}
table = {(row["condition"], row["quantity"]): row for row in csv.DictReader(open(f"{out}/exsolution_comparison.csv"))}
ok = True
expected = {}
for host, rows in runs.items():
    for name, of in quantity.items():
        values = [of(r) for r in rows]
        e = h.estimate(values) if all(math.isfinite(v) for v in values) else (float("nan"), float("nan"), 0)
        expected[host, name] = e
        got = table[host, name]
        good = (math.isnan(e[0]) and got["value"] == "nan") or (
            abs(float(got["value"]) - e[0]) < 1e-12 and abs(float(got["error"]) - e[1]) < 1e-12)
        print(f"{host} {name}: compare {got['value']} +- {got['error']}, by hand {e[0]:.6g} +- {e[1]:.6g} "
              f"{'ok' if good else 'FAIL'}")
        ok = ok and good
tests = {row["quantity"]: row for row in csv.DictReader(open(f"{out}/exsolution_differences.csv"))}
for name in ["surface_nickel", "nickel_reduced", "metal_in_particles", "particles_final"]:
    change, error, t, df, p = h.welch(expected["stoich", name], expected["deficient", name])
    got = tests[name]
    good = (abs(float(got["change"]) - change) < 1e-12 and abs(float(got["t"]) - t) < 1e-9
            and abs(float(got["degrees_of_freedom"]) - df) < 1e-9 and abs(float(got["p_value"]) - p) < 1e-4
            and got["significant"] == ("1" if p < 0.05 else "0"))
    print(f"deficient - stoich {name}: compare change {got['change']} t {got['t']} df {got['degrees_of_freedom']} "
          f"p {got['p_value']}; by hand {change:.6g} t {t:.6g} df {df:.6g} p {p:.4g} {'ok' if good else 'FAIL'}")
    ok = ok and good
if tests["first_particle_ps"]["p_value"] != "nan":
    print("first_particle_ps was tested though a stoich replica never had a particle")
    ok = False
sys.exit(0 if ok else 1)
PY
grep -q "time of the first particle (ps): .* no estimate: a run has no value (no particle appeared in it)" answer.txt \
  || fail "the answer does not say why the first particle's time has no estimate"
grep -q "nickel reduced to Ni(0): .*significantly more" answer.txt || fail "the answer misses the significant rise of Ni(0)"

# A demo run among exsolution runs: an error naming the mix.
mkdir -p demo-run
printf '# Time-averaged data for fix series\n# TimeStep v_time_ps v_removed c_bonds[3] f_track[1] f_track[8]\n0 0 0 1.5 2 0\n' \
  > demo-run/series.txt
if "$analyze" compare --condition stoich=stoich --condition demo=demo-run -o mixed 2>mixed.err; then
  fail "compare accepted a demo run beside exsolution runs"
fi
grep -q "mix runs of the exsolution study" mixed.err || { cat mixed.err; fail "the mix is not named"; }
[ ! -e mixed ] || fail "a failed compare left its output directory"
pass
