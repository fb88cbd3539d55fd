#!/usr/bin/env bash
# Times the /kk styles on one GPU (Kokkos CUDA, "-k on g 1 -sf kk"): compute
# interface/bonds/kk against compute coord/atom/kk counting the same pairs
# (bench/interface_bonds/bench.in), and fix nanoparticle/track/kk against compute cluster/atom
# with the same cutoff (bench/nanoparticle_track/bench.in; cluster/atom has no /kk variant in
# LAMMPS 29 Sep 2021: it runs on the host, from positions copied off the device), at about
# 100 000 and 1 000 000 atoms, with the neighbor list built once and rebuilt every call.
# Prints a Markdown table. Run by scripts/gpu-check.sh on a GPU machine (EXSOLVE_BUILD_DIR:
# the CUDA build); about 3 minutes on an H200.
# Usage: bench/gpu/run.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPEATS=${REPEATS:-1}
# shellcheck source=../lib.sh
source "$here/../lib.sh"
gpu=(-k on g 1 -sf kk)

echo "| benchmark | atoms | neighbor list | reference (ms/call) | exsolve (ms/call) | ratio |"
echo "|---|---|---|---|---|---|"
# name | input | reference | n for ~1e5 atoms | n for ~1e6 atoms | calls (list built once)
while IFS='|' read -r name input reference n_small n_large calls; do
  for n in "$n_small" "$n_large"; do
    for moving in 0 1; do
      list=$([ "$moving" = 1 ] && echo "rebuilt every call" || echo "built once")
      steps=$([ "$moving" = 1 ] && echo $((calls / 10)) || echo "$calls")
      atoms=$("$runner" "${gpu[@]}" -in "$here/../$input" -log none -echo none -var mode none -var steps 0 -var n "$n" \
                </dev/null 2>&1 | awk '/^BENCH atoms/ {print $3}')
      read -r ref ours ratio < <(per_call_ms "$here/../$input" "$steps" "${gpu[@]}" -var n "$n" -var moving "$moving")
      echo "| $name vs $reference | $atoms | $list | $ref | $ours | $ratio |"
    done
  done
done <<'CASES'
interface/bonds/kk|interface_bonds/bench.in|coord/atom/kk|53|167|200
nanoparticle/track/kk|nanoparticle_track/bench.in|cluster/atom (host)|59|186|50
CASES
