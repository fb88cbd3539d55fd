#!/usr/bin/env bash
# Times fix nanoparticle/track (every step) against compute cluster/atom (every step) on
# the same atoms with the same cutoff, on 1 and 2 MPI ranks and with Kokkos OpenMP (1 and
# 2 threads). Prints a Markdown table for docs/performance.md.
# Usage: bench/nanoparticle_track/run.sh [invocations] (default 200)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
steps=${1:-200}

echo "| case | neighbor list | cluster/atom (ms/call) | nanoparticle/track (ms/call) | ratio |"
echo "|---|---|---|---|---|"
for moving in 0 1; do
  list=$([ "$moving" = 1 ] && echo "rebuilt every call" || echo "built once")
  while IFS='|' read -r label args; do
    # shellcheck disable=SC2086
    # With a list build per call, a tenth of the invocations gives the same precision.
    n=$([ "$moving" = 1 ] && echo $((steps / 10)) || echo "$steps")
    read -r reference ours ratio < <(per_call_ms "$here/bench.in" "$n" $args -var moving "$moving")
    echo "| $label | $list | $reference | $ours | $ratio |"
  done <<<"$LAUNCHES"
done
