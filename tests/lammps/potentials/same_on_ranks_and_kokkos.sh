#!/usr/bin/env bash
# The whole model (coul/dsf + Pedone table + EAM + Morse + Born-Mayer, potentials/srtio3_ni.lmp)
# gives the same energies and forces with the host styles on 1 and 2 MPI ranks and with
# Kokkos (-k on t 2 -sf kk):
# inputs/calibrate/coulomb_accuracy.in prints the energy per atom of SrTiO3, the energy of
# one reduction, and two force components; all must agree to 1e-9 relative. (LAMMPS's own
# later fixes to coul/dsf-type /kk styles' self energy made this worth checking.)
# Usage: same_on_ranks_and_kokkos.sh <runner> <build dir> <work dir> <launch>=<runner arguments>...
#   the launches of the test matrix (tests/lammps/CMakeLists.txt), the first the reference:
#   serial= "kokkos=-k on t 2 -sf kk" "mpi2=-np 2".
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
# shellcheck source=../../lib/helpers.sh
source "$repo/tests/lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
[ $# -gt 1 ] || fail "expected the reference launch and at least one to compare, got: $*"
fresh_workdir "$work"
reference_launch=""
for spec in "$@"; do
  launch=${spec%%=*}
  read -ra launch_args <<<"${spec#*=}"
  run_lammps "$launch.txt" "${launch_args[@]}" -in "$repo/inputs/calibrate/coulomb_accuracy.in" -log none
  line=$(grep EXSOLVE_RESULT "$launch.txt" || true)
  [ -n "$line" ] || fail "no EXSOLVE_RESULT line from the $launch run"
  echo "$launch: $line"
  if [ -z "$reference_launch" ]; then
    reference_launch=$launch reference=$line
    continue
  fi
  # Every field must be the same word or, for numbers, agree to 1e-9 relative; a word that
  # is not a number where the other run has a number (nan, inf) fails, and so does a short line.
  paste <(echo "$reference" | tr ' ' '\n') <(echo "$line" | tr ' ' '\n') | awk '
    function is_number(s) { return s ~ /^-?[0-9]+([.][0-9]*)?([eE][-+]?[0-9]+)?$/ }
    { fields++ }
    is_number($1) && is_number($2) {
      d = $1 - $2; if (d < 0) d = -d; s = ($1 < 0 ? -$1 : $1)
      if (d > 1e-9 * (1 + s)) { print "differs: " $1 " vs " $2; bad = 1 }
      numbers++; next
    }
    $1 != $2 || is_number($1) != is_number($2) { print "differs: " $1 " vs " $2; bad = 1 }
    $1 ~ /nan|inf/ { print "not a number: " $1; bad = 1 }
    END { if (numbers != 6 || fields != 15) { print "expected 6 numbers in 15 fields, got " numbers " in " fields; bad = 1 }; exit bad }' \
    || fail "$reference_launch and $launch differ"
done
pass "$# launches agree"
