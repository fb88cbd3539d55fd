#!/usr/bin/env bash
# fix reduce/oxygen makes the same moves with local and full energies in an MD run
# (local_full_sequence.in): the event files must list the same steps, oxygens, positions
# and cations, and energy changes equal to 1e-9 relative.
# Usage: local_full_sequence.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"
for mode in local full; do
  run_lammps "$mode.txt" "$@" -in "$here/local_full_sequence.in" -log none -var mode "$mode"
  ! grep -q "EXSOLVE_CHECK FAIL" "$mode.txt" || { grep "EXSOLVE_CHECK" "$mode.txt"; fail "$mode: a check failed"; }
done
grep -v '^#' events_local.txt >local.rows
grep -v '^#' events_full.txt >full.rows
[ -s full.rows ] || fail "the full-energy run accepted no removal"
[ "$(wc -l <local.rows)" = "$(wc -l <full.rows)" ] || fail "$(wc -l <local.rows) removals with local energies, $(wc -l <full.rows) with full"
paste -d'|' local.rows full.rows | awk -F'|' '{
    n = split($1, a, " "); m = split($2, b, " ")
    if (n != m) { print "row " NR ": " $1 " / " $2; bad = 1; next }
    for (k = 1; k <= n; ++k) {
      if (k == 6) { d = a[k] - b[k]; if (d < 0) d = -d; s = b[k] < 0 ? -b[k] : b[k]; if (d > 1e-9 * s + 1e-7) bad = 1 }
      else if (a[k] != b[k]) bad = 1
    }
    if (bad) { print "row " NR ": local " $1 " / full " $2; exit 1 }
  }' || fail "local and full energies made different moves"
pass "$(wc -l <full.rows) removals, the same with local and full energies"
