#!/usr/bin/env bash
# Times fix nanoparticle/track (every step) against compute cluster/atom (every step) on
# the same atoms with the same cutoff, on 1 and 2 MPI ranks and with Kokkos OpenMP (1 and
# 2 threads). Prints a Markdown table for docs/performance.md.
# Usage: bench/nanoparticle_track/run.sh [invocations] (default 200)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
print_table cluster/atom nanoparticle/track "$here/bench.in" "${1:-200}"
