#!/usr/bin/env bash
# fix reduce/oxygen with local energies forces no neighbor list rebuild for an invocation
# that accepted nothing (no_rebuild.in). Oracle: the same MD run without the fix.
# - every attempt rejected (local): as many builds as without the fix, and the same final
#   total energy to the last digit (nothing changed, nothing reordered) — with Kokkos
#   threads to 1e-12 relative, as two runs without the fix differ (atomic force sums);
# - full energies: at least one more build per invocation (each evaluates the whole system
#   after rebuilding the lists, as fix gcmc does);
# - 3 accepted removals (local): at most 3 more builds than without the fix.
# Usage: no_rebuild.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"

builds() { sed -n 's/^Neighbor list builds = //p' "$1" | tail -n 1; }
value_of() { sed -n "s/^$1 //p" "$2" | tail -n 1; }
for fix in none local full accepted; do
  run_lammps "$fix.txt" "$@" -in "$here/no_rebuild.in" -log none -var fix "$fix"
  [ -n "$(builds "$fix.txt")" ] || fail "$fix: no 'Neighbor list builds' line in the output"
done
b_none=$(builds none.txt) b_local=$(builds local.txt) b_full=$(builds full.txt) b_accepted=$(builds accepted.txt)
echo "neighbor list builds: no fix $b_none, all rejected (local) $b_local, all rejected (full) $b_full, 3 accepted (local) $b_accepted"
[ "$b_local" -eq "$b_none" ] || fail "all moves rejected with local energies: $b_local builds, $b_none without the fix"
e_local=$(value_of FINAL_ETOTAL local.txt) e_none=$(value_of FINAL_ETOTAL none.txt)
tolerance=0
[[ " $* " != *" -k on "* ]] || tolerance=1e-12
awk -v a="$e_local" -v b="$e_none" -v t="$tolerance" 'BEGIN { d = a - b; if (d < 0) d = -d; s = b < 0 ? -b : b; exit !(d <= t * s) }' ||
  fail "all moves rejected: final etotal $(value_of FINAL_ETOTAL local.txt), without the fix $(value_of FINAL_ETOTAL none.txt)"
# 200 steps, an invocation every 10: 20 invocations, each forcing a rebuild with full energies.
[ "$b_full" -ge 20 ] || fail "full energies: $b_full builds, fewer than one per invocation (20)"
removed=$(( $(value_of FINAL_ATOMS none.txt) - $(value_of FINAL_ATOMS accepted.txt) ))
[ "$removed" -eq 3 ] || fail "accepted run: $removed oxygens removed, expected the limit 3"
[ "$b_accepted" -le $((b_none + 3)) ] || fail "3 accepted removals: $b_accepted builds, more than $b_none + 3"
pass "rebuilds only for accepted moves ($b_none / $b_local / $b_full / $b_accepted builds)"
