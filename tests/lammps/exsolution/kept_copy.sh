#!/usr/bin/env bash
# fix reduce/oxygen keeping its atom copy next to fix exchange/cations (kept_copy.in): the
# input's conservation checks, and the last types equal the first ones with every logged
# swap and removal applied in order (on a step, exchange/cations acts first: it was defined
# first). Oracle: the event files of both fixes.
# Usage: kept_copy.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"
run_lammps out.txt "$@" -in "$here/kept_copy.in" -log none
! grep -q "EXSOLVE_CHECK FAIL" out.txt || { grep "EXSOLVE_CHECK" out.txt; fail "a check of the input failed"; }
grep -q "EXSOLVE_CHECK PASS swaps_removals_and_kept_copies" out.txt || fail "the input's checks did not run"
# Events as "step order kind ids...": swaps (order 0) before removals (order 1) of a step.
{
  awk '!/^#/ { print $1, 0, "swap", $2, $3 }' swaps.txt
  awk '!/^#/ { line = $1 " 1 removal " $2; for (k = 7; k <= NF; ++k) line = line " " $k; print line }' removals.txt
} | sort -s -n -k1,1 -k2,2 >events.txt
[ "$(grep -c swap events.txt)" -ge 5 ] || fail "fewer than 5 swaps logged"
[ "$(grep -c removal events.txt)" -ge 2 ] || fail "fewer than 2 removals logged"
# The first types with the events applied: a swap exchanges two atoms' types, a removal
# deletes the oxygen and makes its cations Ni(0) (type 5).
awk 'FNR == 1 { file++; atoms = 0 }
     /^ITEM: ATOMS/ { atoms = 1; next }
     /^ITEM:/ { atoms = 0; next }
     file == 1 && atoms { type[$1] = $2; next }
     file == 2 { if ($3 == "swap") { t = type[$4]; type[$4] = type[$5]; type[$5] = t }
                 else { delete type[$4]; for (k = 5; k <= NF; ++k) type[$k] = 5 }
                 next }
     file == 3 && atoms { seen[$1] = 1; if (!($1 in type)) { print "atom " $1 " should be gone"; bad = 1 }
                                              else if (type[$1] != $2) { print "atom " $1 ": type " $2 ", events say " type[$1]; bad = 1 } }
     END { for (id in type) if (!(id in seen)) { print "atom " id " is missing"; bad = 1 }; exit bad }' \
  types_first.txt events.txt types_last.txt >replay.txt || { head -5 replay.txt; fail "the last types differ from the first ones with the logged swaps and removals applied"; }
pass "$(grep -c swap events.txt) swaps and $(grep -c removal events.txt) removals replayed onto the first types give the last ones"
