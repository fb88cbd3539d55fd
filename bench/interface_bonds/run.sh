#!/usr/bin/env bash
# Times compute interface/bonds against compute coord/atom counting the same pairs (same
# system, cutoff and partner group) per invocation, in the same LAMMPS run setup, on 1 and
# 2 MPI ranks and with Kokkos OpenMP (1 and 2 threads). Prints a Markdown table for
# docs/performance.md. Usage: bench/interface_bonds/run.sh [invocations] (default 1000)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
steps=${1:-1000}

echo "| case | neighbor list | coord/atom (ms/call) | interface/bonds (ms/call) | ratio |"
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
