#!/usr/bin/env bash
# fix reduce/oxygen makes the same random choices on 1, 2 and 4 ranks and with Kokkos: the
# removed oxygens and reduced cations (position hashes) must be identical.
# Usage: rank_independence.sh <runner> <build dir> <work dir> <launches...>
#   launches: serial mpi2 mpi4 [kokkos] (kokkos where the LAMMPS build has it)
set -uo pipefail
runner=$1 build_dir=$2 work=$3
shift 3
[ $# -gt 0 ] || { echo "TEST FAILED: no launches given"; exit 1; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fail() { echo "TEST FAILED: $*"; exit 1; }
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 2
reference=""
for launch in "$@"; do
  case "$launch" in
    serial) args=(-in "$here/sequence.in") ;;
    mpi2) args=(-np 2 -in "$here/sequence.in") ;;
    mpi4) args=(-np 4 -in "$here/sequence.in") ;;
    kokkos) args=(-in "$here/sequence.in" -k on t 2 -sf kk) ;;
    *) echo "TEST FAILED: unknown launch $launch"; exit 1 ;;
  esac
  EXSOLVE_BUILD_DIR="$build_dir" timeout 300 "$runner" "${args[@]}" -log none > "$launch.txt" 2>&1 \
    || { tail -20 "$launch.txt"; fail "$launch run failed"; }
  grep -q "EXSOLVE_CHECK FAIL" "$launch.txt" && { grep "EXSOLVE_CHECK" "$launch.txt"; fail "$launch: a check failed"; }
  removed=$(grep "^REMOVED" "$launch.txt")
  [ -n "$removed" ] || fail "$launch printed no REMOVED line"
  echo "$launch: $removed"
  [ -z "$reference" ] && reference=$removed
  [ "$removed" = "$reference" ] || fail "$launch removed other oxygens or reduced other cations than the serial run"
done
echo "TEST PASSED"
