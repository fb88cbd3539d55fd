#!/usr/bin/env bash
# Analysis throughput: the dump reader alone (MB/s, frames/s; plain and gzip), exsolve-analyze particles
# and exsolve-analyze report (every analysis in one pass, plots and page; and with --annotated-dump) with 1
# and 2 threads (frames/s, MB/s of dump), on 100 frames x 50 688 atoms (190 MB).
# Usage: bench/analysis/run.sh [work dir]   (needs a built tree: scripts/setup.sh)
# EXSOLVE_ANALYZE: the exsolve-analyze to time (default: the build's), e.g. an older build's
# copy for a before/after comparison on the same dump.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root="$here/../.."
build=${EXSOLVE_BUILD_DIR:-$root/build}
work=${1:-$(mktemp -d)}
analyze=${EXSOLVE_ANALYZE:-$build/analysis/tools/exsolve-analyze}
mkdir -p "$work"
dump="$work/bench.dump"
[ -f "$dump" ] || "$root/bin/exsolve-lmp" -in "$here/make_dump.in" -var dump_file "$dump" -log none >/dev/null
"$build/bench/exsolve-bench-reader" "$dump" 3
# The same frames gzip-compressed (MB/s of compressed input).
[ -f "$dump.gz" ] || gzip -k "$dump"
"$build/bench/exsolve-bench-reader" "$dump.gz" 3
printf 'metal_types: [1]\nparticle_cutoff: 3.0\natomic_volume: 10.94\noutput: %s\n' "$work/out" > "$work/bench.yaml"
# report runs every analysis: the dump holds type 1 only, so type 2 (absent) stands for the
# oxygen and the support; bonds and socket still go through every atom of every frame.
{ cat "$work/bench.yaml"; printf 'oxygen_types: [2]\nsupport_types: [2]\nbond_cutoff: 2.6\ntimestep: 0.002\n'; } \
  > "$work/report.yaml"
megabytes=$(stat -c %s "$dump" | awk '{ print $1 / 1e6 }')
# report also with --annotated-dump: bonds' per-atom copy of every frame (190 MB) on top.
for command in particles report "report --annotated-dump"; do
  config="$work/bench.yaml"
  [ "$command" != particles ] && config="$work/report.yaml"
  for threads in 1 2; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086 # the command's words
    "$analyze" $command -c "$config" --force -j "$threads" "$dump" >/dev/null 2>&1
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v t="$threads" -v c="$command" -v mb="$megabytes" \
      'BEGIN { printf "exsolve-analyze %s -j %d: %.2f s, %.1f frames/s, %.0f MB/s\n", c, t, e - s, 100 / (e - s), mb / (e - s) }'
  done
done
