#!/usr/bin/env bash
# Per-attempt cost of fix reduce/oxygen against fix gcmc (full_energy exchange moves) on
# the same system; 1 rank and 2 ranks. Prints a Markdown table for docs/performance.md.
# Usage: bench/reduce_oxygen/run.sh [invocations] (default 20; 10 attempts each)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
steps=${1:-20}
echo "| case | fix gcmc (ms/attempt) | reduce/oxygen (ms/attempt) | ratio |"
echo "|---|---|---|---|"
for launch in "1 rank|" "2 MPI ranks|-np 2"; do
  IFS='|' read -r label args <<<"$launch"
  # shellcheck disable=SC2086
  read -r reference ours ratio < <(per_call_ms "$here/bench.in" "$steps" $args)
  awk -v l="$label" -v r="$reference" -v o="$ours" -v q="$ratio" \
    'BEGIN { printf "| %s | %.3f | %.3f | %s |\n", l, r / 10, o / 10, q }'
done
