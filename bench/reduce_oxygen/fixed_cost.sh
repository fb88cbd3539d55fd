#!/usr/bin/env bash
# The fixed cost of a fix reduce/oxygen invocation with local energies against the system
# size (scaling.in: every attempt rejected, so the system stays the same): the fix's own
# timer (vector element 11: each invocation's wall time on the slowest rank) over `steps`
# invocations of 1 attempt each, minus one attempt's marginal cost (scaling.sh measures it:
# 0.05 ms), per invocation; the smallest of REPEATS runs. What it holds: the copy of the
# owned atoms into cells and the candidate oxygens, both proportional to the atoms a rank
# owns. Prints a Markdown table for docs/performance.md.
# Usage: bench/reduce_oxygen/fixed_cost.sh [cells...]   (default 6 10 14 20: 1 728 to 64 000 atoms)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
sizes=("${@:-6 10 14 20}")
read -ra sizes <<<"${sizes[*]}"
steps=50
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
per_invocation_ms() {  # cells launch-args...
  local cells=$1 best="" ms k
  shift
  for ((k = 0; k < REPEATS; k++)); do
    "$runner" "$@" -in "$here/scaling.in" -log none -echo none -var cells "$cells" -var mode local \
      -var steps "$steps" -var attempts 1 </dev/null >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
    ms=$(awk '/^EXSOLVE_BENCH invocation_seconds/ { printf "%.4f", 1000 * $3 / $5 }' "$work/out")
    [ -n "$ms" ] || { tail -5 "$work/out" >&2; echo "no EXSOLVE_BENCH line" >&2; exit 1; }
    best=$(awk -v a="$ms" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
  done
  echo "$best"
}
echo "| atoms | launch | invocation with 1 attempt (ms) | fixed cost per invocation (ms) |"
echo "|---|---|---|---|"
for cells in "${sizes[@]}"; do
  for launch in "1 rank|" "2 MPI ranks|-np 2"; do
    IFS='|' read -r label args <<<"$launch"
    # shellcheck disable=SC2086
    ms=$(per_invocation_ms "$cells" $args)
    awk -v n=$((8 * cells * cells * cells)) -v l="$label" -v ms="$ms" \
      'BEGIN { printf "| %d | %s | %.3f | %.3f |\n", n, l, ms, ms - 0.05 }'
  done
done
