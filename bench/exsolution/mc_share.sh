#!/usr/bin/env bash
# The share of an exsolution study run (inputs/exsolution/exsolution.in at its default size:
# 8 x 8 x 4 cells, x = 0.10, 1 254 atoms, 1200 K) spent in its Monte Carlo: the three moves
# every 100 steps (20 exchange, 20 hop and 5 reduction attempts). LAMMPS times the Monte
# Carlo fixes (post_integrate, pre_exchange) in the "Modify" row of its timing breakdown,
# with fix nvt and the checks: Monte Carlo time = Modify time of the default run - of the
# same run with the moves every `steps + 100` steps (one invocation, at the first step);
# the cation exchanges' time = Modify time of the default - of exchange_attempts 1, times
# 20/19. Shares against the default run's loop time. (Loop times alone differ by more than
# the Monte Carlo costs between runs: the MD trajectories part ways.) The production run's
# timing (the last breakdown), the run with the least Modify time of REPEATS.
# Usage: bench/exsolution/mc_share.sh [steps]   (default 3000)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
steps=${1:-3000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# "modify_s loop_s" of the production run.
production_times() {  # exsolution.in variables...
  local best="" times k
  for ((k = 0; k < REPEATS; k++)); do
    (cd "$work" && rm -f ./*.txt ./*.lammpstrj && "$runner" -in "$here/../../inputs/exsolution/exsolution.in" \
       -log none -echo none -var ni_fraction 0.10 -var steps "$steps" "$@" >screen.out 2>&1) \
      || { tail -20 "$work/screen.out" >&2; exit 1; }
    times=$(awk -F'|' '/^Loop time of/ {loop = $0; sub(/^Loop time of /, "", loop); sub(/ .*/, "", loop)}
                       /^Modify / {modify = $3} END {printf "%s %s", modify + 0, loop}' "$work/screen.out")
    best=$(awk -v a="$times" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " ");
                                                   print (b == "" || x[1] < y[1]) ? a : b }')
  done
  echo "$best"
}
read -r default_modify default_loop < <(production_times)
read -r once_modify once_loop < <(production_times -var mc_every $((steps + 100)))
read -r one_modify one_loop < <(production_times -var exchange_attempts 1)
echo "| run ($steps steps) | loop time (s) | Modify time (s) | share of the default run's loop time |"
echo "|---|---|---|---|"
awk -v dm="$default_modify" -v dl="$default_loop" -v om="$once_modify" -v ol="$once_loop" -v em="$one_modify" \
    -v el="$one_loop" 'BEGIN {
  printf "| default (Monte Carlo every 100 steps) | %.2f | %.3f | — |\n", dl, dm
  printf "| Monte Carlo once | %.2f | %.3f | all Monte Carlo: %.2f %% |\n", ol, om, 100 * (dm - om) / dl
  printf "| 1 exchange attempt instead of 20 | %.2f | %.3f | the exchanges: %.2f %% |\n", el, em, 100 * (dm - em) * 20 / 19 / dl }'
