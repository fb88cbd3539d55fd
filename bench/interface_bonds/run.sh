#!/usr/bin/env bash
# Times compute interface/bonds against compute coord/atom (same system, same cutoff, same
# partner group) per invocation, in the same LAMMPS build, on 1 and 2 MPI ranks and with
# Kokkos OpenMP (1 and 2 threads). Prints a Markdown table for docs/performance.md.
# Usage: bench/interface_bonds/run.sh [steps]   (default 200 invocations per case)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
runner="$here/../../bin/exsolve-lmp"
steps=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Loop time of one run, in seconds.
loop_time() {  # launch-args... -- lmp-args...
  local out="$work/out.txt"
  "$runner" "$@" -in "$here/bench.in" -var steps "$steps" -log none -echo none </dev/null >"$out" 2>&1 \
    || { cat "$out" >&2; echo "benchmark run failed: $*" >&2; exit 1; }
  awk '/^Loop time of/ {t = $4} END {print t}' "$out"
}

# Per-invocation milliseconds of a compute = (run with it - run without it) / steps.
per_call_ms() {  # label moving launch-args...
  local moving=$1; shift
  local base coord bonds
  base=$(loop_time "$@" -var mode none -var moving "$moving")
  coord=$(loop_time "$@" -var mode coord -var moving "$moving")
  bonds=$(loop_time "$@" -var mode bonds -var moving "$moving")
  awk -v b="$base" -v c="$coord" -v i="$bonds" -v n="$steps" \
    'BEGIN { cm = 1000 * (c - b) / n; im = 1000 * (i - b) / n; printf "%.3f %.3f %.3f\n", cm, im, im / cm }'
}

echo "| case | list | coord/atom (ms/call) | interface/bonds (ms/call) | ratio bonds/coord |"
echo "|---|---|---|---|---|"
for moving in 0 1; do
  list=$([ "$moving" = 1 ] && echo "rebuilt every call" || echo "built once")
  while IFS='|' read -r label args; do
    # shellcheck disable=SC2086
    read -r c i r < <(per_call_ms "$moving" $args)
    echo "| $label | $list | $c | $i | $r |"
  done <<CASES
1 rank|
2 MPI ranks|-np 2
Kokkos OpenMP 1 thread (/kk)|-k on t 1 -sf kk
Kokkos OpenMP 2 threads (/kk)|-k on t 2 -sf kk
CASES
done
