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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Seconds of the fix's invocations (smallest of REPEATS runs); checks that the run kept the
# copy in all its invocations but the first (check yes) or in none (check no).
invocation_seconds() {  # cells check steps attempts launch-args...
  local cells=$1 check=$2 steps=$3 attempts=$4 best="" s kept expected k
  shift 4
  expected=$([ "$check" = yes ] && echo $((steps - 1)) || echo 0)
  for ((k = 0; k < REPEATS; k++)); do
    "$runner" "$@" -in "$here/scaling.in" -log none -echo none -var cells "$cells" -var mode local \
      -var steps "$steps" -var attempts "$attempts" -var check "$check" </dev/null >"$work/out" 2>&1 ||
      { cat "$work/out" >&2; exit 1; }
    s=$(awk '/^EXSOLVE_BENCH invocation_seconds/ { print $3 }' "$work/out")
    kept=$(awk '/^EXSOLVE_BENCH invocation_seconds/ { print $7 }' "$work/out")
    [ -n "$s" ] || { tail -5 "$work/out" >&2; echo "no EXSOLVE_BENCH line" >&2; exit 1; }
    [ "$kept" = "$expected" ] || { echo "check $check: $kept invocations kept the copy, expected $expected" >&2; exit 1; }
    best=$(awk -v a="$s" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
  done
  echo "$best"
}
# "one-attempt-invocation fixed" in ms: kept (220 - 20 invocations) or built (50).
costs_ms() {  # cells check launch-args...
  local cells=$1 check=$2 one eleven
  shift 2
  if [ "$check" = yes ]; then
    one=$(awk -v a="$(invocation_seconds "$cells" yes 220 1 "$@")" -v b="$(invocation_seconds "$cells" yes 20 1 "$@")" \
      'BEGIN { print 1000 * (a - b) / 200 }')
    eleven=$(awk -v a="$(invocation_seconds "$cells" yes 220 11 "$@")" -v b="$(invocation_seconds "$cells" yes 20 11 "$@")" \
      'BEGIN { print 1000 * (a - b) / 200 }')
  else
    one=$(awk -v a="$(invocation_seconds "$cells" no 50 1 "$@")" 'BEGIN { print 1000 * a / 50 }')
    eleven=$(awk -v a="$(invocation_seconds "$cells" no 50 11 "$@")" 'BEGIN { print 1000 * a / 50 }')
  fi
  awk -v o="$one" -v e="$eleven" 'BEGIN { printf "%.4f %.4f", o, o - (e - o) / 10 }'
}
echo "| atoms | launch | kept: invocation with 1 attempt (ms) | kept: fixed cost (ms) | built: invocation with 1 attempt (ms) | built: fixed cost (ms) |"
echo "|---|---|---|---|---|---|"
for cells in "${sizes[@]}"; do
  for launch in "1 rank|" "2 MPI ranks|-np 2"; do
    IFS='|' read -r label args <<<"$launch"
    # shellcheck disable=SC2086
    read -r kept_one kept_fixed <<<"$(costs_ms "$cells" yes $args)"
    # shellcheck disable=SC2086
    read -r built_one built_fixed <<<"$(costs_ms "$cells" no $args)"
    echo "| $((8 * cells * cells * cells)) | $label | $kept_one | $kept_fixed | $built_one | $built_fixed |"
  done
done
