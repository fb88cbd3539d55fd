#!/usr/bin/env bash
# Analysis throughput: the dump reader alone (MB/s, frames/s; plain and gzip) and exsolve-analyze particles
# with 1 and 2 threads (frames/s), on 100 frames x 50 688 atoms (~300 MB).
# Usage: bench/analysis/run.sh [work dir]   (needs a built tree: scripts/setup.sh)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root="$here/../.."
build=${EXSOLVE_BUILD_DIR:-$root/build}
work=${1:-$(mktemp -d)}
mkdir -p "$work"
dump="$work/bench.dump"
[ -f "$dump" ] || "$root/bin/exsolve-lmp" -in "$here/make_dump.in" -var dump_file "$dump" -log none >/dev/null
"$build/bench/exsolve-bench-reader" "$dump" 3
# The same frames gzip-compressed (MB/s of compressed input).
[ -f "$dump.gz" ] || gzip -k "$dump"
"$build/bench/exsolve-bench-reader" "$dump.gz" 3
printf 'metal_types: [1]\nparticle_cutoff: 3.0\natomic_volume: 10.94\noutput: %s\n' "$work/out" > "$work/bench.yaml"
for threads in 1 2; do
  start=$(date +%s.%N)
  "$build/analysis/tools/exsolve-analyze" particles -c "$work/bench.yaml" --force -j "$threads" "$dump" >/dev/null
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v t="$threads" 'BEGIN { printf "exsolve-analyze particles -j %d: %.2f s, %.1f frames/s\n", t, e - s, 100 / (e - s) }'
done
