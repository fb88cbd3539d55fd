#!/usr/bin/env bash
# fix reduce/oxygen makes the same random choices on 1, 2 and 4 ranks and with Kokkos: the
# removed oxygens and reduced cations (position hashes) must be identical.
# Usage: rank_independence.sh <runner> <build dir> <work dir> <launch>=<runner arguments>...
#   e.g. serial= "mpi2=-np 2" "mpi4=-np 4" "kokkos=-k on t 2 -sf kk" (the launches of the
#   test matrix, tests/lammps/CMakeLists.txt; kokkos where the LAMMPS build has it); the
#   first is the reference.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
[ $# -gt 0 ] || fail "no launches given"
fresh_workdir "$work"
reference=""
for spec in "$@"; do
  launch=${spec%%=*}
  read -ra launch_args <<<"${spec#*=}"
  run_lammps "$launch.txt" "${launch_args[@]}" -in "$here/sequence.in" -log none
  ! grep -q "EXSOLVE_CHECK FAIL" "$launch.txt" || { grep "EXSOLVE_CHECK" "$launch.txt"; fail "$launch: a check failed"; }
  removed=$(grep "^REMOVED" "$launch.txt" || true)
  [ -n "$removed" ] || fail "$launch printed no REMOVED line"
  echo "$launch: $removed"
  [ -n "$reference" ] || reference=$removed
  [ "$removed" = "$reference" ] || fail "$launch removed other oxygens or reduced other cations than the ${1%%=*} run"
done
pass "the same choices in $# launches"
