#!/usr/bin/env bash
# fix reduce/oxygen makes the same random choices on 1, 2 and 4 ranks and with Kokkos: the
# removed oxygens and reduced cations (position hashes) must be identical.
# Usage: rank_independence.sh <runner> <build dir> <work dir> <launches...>
#   launches: serial mpi2 mpi4 [kokkos] (kokkos where the LAMMPS build has it)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
[ $# -gt 0 ] || fail "no launches given"
fresh_workdir "$work"
reference=""
for launch in "$@"; do
  case "$launch" in
    serial) args=(-in "$here/sequence.in") ;;
    mpi2) args=(-np 2 -in "$here/sequence.in") ;;
    mpi4) args=(-np 4 -in "$here/sequence.in") ;;
    kokkos) args=(-in "$here/sequence.in" -k on t 2 -sf kk) ;;
    *) fail "unknown launch $launch" ;;
  esac
  run_lammps "$launch.txt" "${args[@]}" -log none
  ! grep -q "EXSOLVE_CHECK FAIL" "$launch.txt" || { grep "EXSOLVE_CHECK" "$launch.txt"; fail "$launch: a check failed"; }
  removed=$(grep "^REMOVED" "$launch.txt" || true)
  [ -n "$removed" ] || fail "$launch printed no REMOVED line"
  echo "$launch: $removed"
  [ -n "$reference" ] || reference=$removed
  [ "$removed" = "$reference" ] || fail "$launch removed other oxygens or reduced other cations than the serial run"
done
pass "the same choices in $# launches"
