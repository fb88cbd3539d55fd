#!/usr/bin/env bash
# Times compute interface/bonds against compute coord/atom counting the same pairs (same
# system, cutoff and partner group) per invocation, on 1 and 2 MPI ranks and with Kokkos
# OpenMP (1 and 2 threads). Prints a Markdown table for docs/performance.md.
# Usage: bench/interface_bonds/run.sh [invocations] (default 1000)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
print_table coord/atom interface/bonds "$here/bench.in" "${1:-1000}"
