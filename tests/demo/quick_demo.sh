#!/usr/bin/env bash
# The demo end to end (inputs/demo/run.sh --quick): all four conditions run as 2 replicas
# each (run/<condition>/replica-<k>), every report
# and the comparison exist with all their plots and tables, the comparison renders in
# headless Chromium, progress lines appear in the (piped) output; and, independently of
# the runs' own checks, each reducing run's last dumped frame is neutral (sum of the dumped
# charges) and holds exactly the initial atoms minus the oxygens listed in reductions.txt
# (fewer oxygens by that number, Ti3+ twice that), at most the study's vacancy count; the
# socketed caps sit below the rim (positive
# socket depth), the others do not. Each run writes the caps' chemical potential (mu_p -
# mu_bulk of every cap at every output step: all 272 Ni atoms in caps, a positive excess
# below 1 eV), its report and the comparison draw it against size and bonds.
# Usage: quick_demo.sh <build dir> <work dir> [kokkos threads]
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../lib/helpers.sh
source "$repo/tests/lib/helpers.sh"
build_dir=$1 work=$2 kokkos=${3:-}
fresh_workdir "$work"
args=(--quick --out "$work/run")
[ -z "$kokkos" ] || args+=(--kokkos "$kokkos")
EXSOLVE_PROGRESS_EVERY=5 EXSOLVE_BUILD_DIR="$build_dir" bash "$repo/inputs/demo/run.sh" "${args[@]}" > demo.txt 2>&1 \
  || { tail -30 demo.txt; fail "the demo failed"; }
cat demo.txt
if [ -n "$kokkos" ]; then
  # 4 Jul 2026 names the list half/bin/newton/kk/device (29 Sep 2021: half/bin/kk/device).
  grep -qE "pair build: half/bin/(newton/)?kk/device" run/interface/replica-1/log.lammps || fail "the Kokkos run did not use Kokkos pair styles"
fi
grep -Eq "^  interface/replica-1: (step [0-9]+/1000|setting up)" demo.txt || fail "no progress line for a running replica"
grep -q "^  far_field/replica-2: done in " demo.txt || fail "no final progress line"

# shellcheck source=../../inputs/demo/study.sh
source "$repo/inputs/demo/study.sh"
for run in run/{stoichiometric,interface,far_field,interface_socketed}/replica-{1,2}; do
  r="$run/report"
  for table in particles.csv bonds_frames.csv socket.csv track.csv msd.csv track.json report.html \
               chemical_potential.csv; do
    [ -s "$r/$table" ] || fail "$r/$table missing"
  done
  # The six of the dumps and the run's chemical potential against size and bonds.
  [ "$(grep -c '<svg' "$r/report.html")" -eq 8 ] || fail "$r/report.html should hold 8 plots"
  grep -q "<td>chemical_potential_excess_eV</td>" "$r/report.html" || fail "$r/report.html lacks the caps' chemical potential"
  grep -q "EXSOLVE_CHECK PASS neutral after every reduction" "$run/screen.txt" || fail "$run: no neutrality check"
done
c=run/comparison
for table in comparison.csv comparison.json comparison.html comparison_replicas.csv comparison_differences.csv \
             series_interface_replica-2.csv msd_stoichiometric_replica-1.csv; do
  [ -s "$c/$table" ] || fail "$c/$table missing"
done
plots=5
[ "$(grep -c '<svg' "$c/comparison.html")" -eq "$plots" ] || fail "comparison.html should hold $plots plots"
for run in run/{stoichiometric,interface,far_field,interface_socketed}/replica-{1,2}; do
  grep -q "^demo: mu_bulk = -4\.2[0-9]* eV (fcc Ni, 1200 K)" "$run/screen.txt" || fail "$run: no mu_bulk near -4.27 eV"
  # Columns after the row number: ID, atoms, mu_p, mu_p - mu_bulk, H, E_x, bonds.
  awk 'NF == 2 && $1 !~ /^#/ { if (block && atoms != 272) { print "block " block ": " atoms " atoms in caps"; exit 1 }
                               block++; atoms = 0; next }
       /^#/ { next }
       { atoms += $3; if (!($5 > 0 && $5 < 1)) { print "mu_p - mu_bulk " $5 " eV"; exit 1 } }
       END { if (block < 11 || atoms != 272) { print block " blocks, last " atoms " atoms"; exit 1 } }' \
    "$run/chemical_potential.txt" || fail "$run/chemical_potential.txt: 11 steps of caps holding all 272 Ni expected"
done
[ -s "$c/chemical_potential_interface_replica-2.csv" ] || fail "$c: the runs' chemical potential tables are missing"
[ "$(wc -l < "$c/comparison.csv")" -eq 5 ] || fail "comparison.csv should have a header and four conditions"
awk -F, '$1 == "interface" && !($12 < 0) { exit 1 } $1 == "interface_socketed" && !($12 > 1.0) { exit 1 }' \
  "$c/comparison.csv" || fail "socket depths: flat caps should sit above the rim, socketed ones more than 1 A below"
grep -q "interface_socketed vs interface" demo.txt || fail "the socketing comparison is missing from the answer"
grep -q "interface vs far_field" demo.txt || fail "the placement comparison is missing from the answer"
awk -F, '$1 == "interface" && $15 != 2 { exit 1 }' "$c/comparison.csv" || fail "comparison.csv: interface should have 2 replicas"
[ "$(wc -l < "$c/comparison_replicas.csv")" -eq 9 ] || fail "comparison_replicas.csv should have a header and 8 replicas"

# Independent bookkeeping on the reducing runs' dumps (columns: id type x y z ix iy iz q ...).
for d in run/{interface,far_field,interface_socketed}/replica-{1,2}; do
removed=$(grep -vc '^#' "$d/reductions.txt" || true)
# At most the study's vacancy count (fix reduce/oxygen's limit; 1 ps does not always reach it).
{ [ "$removed" -ge 1 ] && [ "$removed" -le "$study_vacancies" ]; } || fail "$d removed $removed oxygens, not 1 to $study_vacancies"
awk -v removed="$removed" '
  /^ITEM: TIMESTEP/ { frame++; next }
  /^ITEM: NUMBER OF ATOMS/ { getline; n[frame] = $1; next }
  /^ITEM: ATOMS/ { atoms = 1; next }
  /^ITEM/ { atoms = 0; next }
  atoms { q[frame] += $9; o[frame] += ($2 == 3); ti3[frame] += ($2 == 6) }
  END {
    if (n[frame] != n[1] - removed) { printf "atoms %d, expected %d - %d\n", n[frame], n[1], removed; exit 1 }
    if (o[frame] != o[1] - removed) { printf "oxygens %d, expected %d - %d\n", o[frame], o[1], removed; exit 1 }
    if (ti3[frame] != ti3[1] + 2 * removed) { printf "Ti3+ %d, expected %d + 2 x %d\n", ti3[frame], ti3[1], removed; exit 1 }
    if (q[frame] > 1e-6 || q[frame] < -1e-6) { printf "total charge %g\n", q[frame]; exit 1 }
    printf "last frame: %d atoms = %d - %d removed; charge %g\n", n[frame], n[1], removed, q[frame]
  }' "$d/dump.lammpstrj" || fail "bookkeeping of $d is wrong"
# The fix's own count agrees with its event file.
grep -q "done: $removed oxygens removed" "$d/screen.txt" || fail "$d: fix reduce/oxygen's count differs from reductions.txt"
done

# shellcheck source=../lib/headless_browser.sh
source "$repo/tests/lib/headless_browser.sh"
headless_browser "$work/browser-profile" --dump-dom "file://$work/$c/comparison.html" > dom.html 2>browser.log \
  || { tail -5 browser.log; fail "chromium could not load comparison.html"; }
grep -q "the mobility of exsolved particles</h1>" dom.html || fail "the rendered comparison lacks its title"
grep -q "<table id=\"numbers\">" dom.html || fail "the rendered comparison lacks its table"
[ "$(grep -c '<figure' dom.html)" -eq "$plots" ] || fail "the rendered comparison lacks figures"
pass
