#!/usr/bin/env bash
# The fixed cost of a fix reduce/oxygen invocation with local energies against the system
# size (scaling.in: every attempt rejected, so the system stays the same), from the fix's
# own timer (vector element 11: each invocation's wall time on the slowest rank):
# - kept: LAMMPS rebuilt no neighbor list since the last invocation (neigh_modify check yes,
#   atoms at rest), so the invocation keeps the atom copy and the candidate list. Per
#   invocation from two runs of 20 and 220 invocations (each run's first invocation builds
#   the copy: the difference leaves it out), with 1 and with 11 attempts; fixed cost = the
#   invocation with 1 attempt minus the marginal attempt ((11 - 1 attempts) / 10).
# - built: LAMMPS rebuilds its lists on every step (check no), so every invocation copies
#   the owned atoms into cells anew and checks the candidates against them: 50 invocations
#   of 1 and of 11 attempts, the same subtraction.
# The smallest of REPEATS runs each. Prints a Markdown table for docs/performance.md.
# Usage: bench/reduce_oxygen/fixed_cost.sh [cells...]   (default 6 10 14 20: 1 728 to 64 000 atoms)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
sizes=("${@:-6 10 14 20}")
read -ra sizes <<<"${sizes[*]}"
# Seconds of the fix's invocations (smallest of REPEATS runs); the run must have kept the
# copy in all its invocations but the first (check yes) or in none (check no).
invocation_seconds() {  # cells check steps attempts launch-args...
  local cells=$1 check=$2 steps=$3 attempts=$4
  shift 4
  best_invocation_seconds "$here/scaling.in" \
    "$([ "$check" = yes ] && echo $((steps - 1)) || echo 0)" "$@" -var cells "$cells" -var mode local \
    -var steps "$steps" -var attempts "$attempts" -var check "$check"
}
# "one-attempt-invocation fixed" in ms: kept (220 - 20 invocations) or built (50).
costs_ms() {  # cells check launch-args...
  local cells=$1 check=$2 one eleven long short
  shift 2
  # Assignments, not substitutions inside awk's arguments: a failed run stops the script.
  if [ "$check" = yes ]; then
    long=$(invocation_seconds "$cells" yes 220 1 "$@")
    short=$(invocation_seconds "$cells" yes 20 1 "$@")
    one=$(awk -v a="$long" -v b="$short" 'BEGIN { print 1000 * (a - b) / 200 }')
    long=$(invocation_seconds "$cells" yes 220 11 "$@")
    short=$(invocation_seconds "$cells" yes 20 11 "$@")
    eleven=$(awk -v a="$long" -v b="$short" 'BEGIN { print 1000 * (a - b) / 200 }')
  else
    long=$(invocation_seconds "$cells" no 50 1 "$@")
    one=$(awk -v a="$long" 'BEGIN { print 1000 * a / 50 }')
    long=$(invocation_seconds "$cells" no 50 11 "$@")
    eleven=$(awk -v a="$long" 'BEGIN { print 1000 * a / 50 }')
  fi
  awk -v o="$one" -v e="$eleven" 'BEGIN { printf "%.4f %.4f", o, o - (e - o) / 10 }'
}
echo "| atoms | launch | kept: invocation with 1 attempt (ms) | kept: fixed cost (ms) | built: invocation with 1 attempt (ms) | built: fixed cost (ms) |"
echo "|---|---|---|---|---|---|"
for cells in "${sizes[@]}"; do
  for launch in "1 rank|" "2 MPI ranks|-np 2"; do
    IFS='|' read -r label args <<<"$launch"
    # shellcheck disable=SC2086
    costs=$(costs_ms "$cells" yes $args)
    read -r kept_one kept_fixed <<<"$costs"
    # shellcheck disable=SC2086
    costs=$(costs_ms "$cells" no $args)
    read -r built_one built_fixed <<<"$costs"
    echo "| $((8 * cells * cells * cells)) | $label | $kept_one | $kept_fixed | $built_one | $built_fixed |"
  done
done
