#!/usr/bin/env bash
# The share of the demo's run time spent in Monte Carlo with full and with local energies:
# inputs/demo/demo.in at its default size (1 952 atoms, fix reduce/oxygen every 100 steps,
# 10 attempts) in the reducing condition with mc_energy full and local, and the
# stoichiometric condition (the same MD without Monte Carlo). LAMMPS times fix
# reduce/oxygen (a pre_exchange fix) in the "Modify" row of its timing breakdown, with the
# other fixes, which both conditions share: Monte Carlo time = Modify time of reducing - of
# stoichiometric, and its share = that / the production run's loop time (the run with the
# least Modify time of REPEATS).
# Usage: bench/reduce_oxygen/demo_share.sh [steps]   (default 5000)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
steps=${1:-5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# "modify_s loop_s" of the production run (the last run of demo.in).
production_times() {  # condition [mc_energy]
  local best="" times k
  for ((k = 0; k < REPEATS; k++)); do
    (cd "$work" && rm -f ./*.txt ./*.lammpstrj && "$runner" -in "$here/../../inputs/demo/demo.in" -log none -echo none \
       -var condition "$1" -var steps "$steps" -var mc_energy "${2:-auto}" >screen.out 2>&1) \
      || { tail -20 "$work/screen.out" >&2; exit 1; }
    times=$(awk -F'|' '/^Loop time of/ {loop = $0; sub(/^Loop time of /, "", loop); sub(/ .*/, "", loop)}
                       /^Modify / {modify = $3} END {printf "%s %s", modify + 0, loop}' "$work/screen.out")
    best=$(awk -v a="$times" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " ");
                                                   print (b == "" || x[1] < y[1]) ? a : b }')
  done
  echo "$best"
}
read -r md_modify md_loop < <(production_times stoichiometric)
read -r full_modify full_loop < <(production_times reducing full)
read -r local_modify local_loop < <(production_times reducing local)
echo "| run ($steps steps) | loop time (s) | Modify time (s) | Monte Carlo time (s) | Monte Carlo share |"
echo "|---|---|---|---|---|"
awk -v mm="$md_modify" -v ml="$md_loop" -v fm="$full_modify" -v fl="$full_loop" -v lm="$local_modify" -v ll="$local_loop" 'BEGIN {
  printf "| stoichiometric (no Monte Carlo) | %.2f | %.3f | — | — |\n", ml, mm
  printf "| reducing, energy full | %.2f | %.3f | %.3f | %.1f %% |\n", fl, fm, fm - mm, 100 * (fm - mm) / fl
  printf "| reducing, energy local | %.2f | %.3f | %.3f | %.2f %% |\n", ll, lm, lm - mm, 100 * (lm - mm) / ll }'
