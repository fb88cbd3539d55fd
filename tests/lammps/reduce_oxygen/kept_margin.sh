#!/usr/bin/env bash
# A kept atom copy finds an atom that moved across a cell boundary since it was binned
# (kept_margin.in): the local run removes the oxygen on the same step as the full-energy run
# (which copies the atoms anew on every invocation), within 30 steps (the cation reaches the
# search cutoff on step 25 or 26; LAMMPS rebuilds its lists only after step 100), with the
# copy kept in at least 20 invocations. Oracle: the full-energy run.
# Usage: kept_margin.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"
for mode in local full; do
  run_lammps "$mode.txt" "$@" -in "$here/kept_margin.in" -log none -var mode "$mode"
done
full_row=$(grep -v '^#' events_full.txt || true)
local_row=$(grep -v '^#' events_local.txt || true)
[ -n "$full_row" ] || fail "the full-energy run removed no oxygen"
full_step=$(awk '{ print $1 }' <<<"$full_row")
[ "$full_step" -le 30 ] || fail "the full-energy run removed the oxygen on step $full_step, expected by step 30"
[ "$local_row" = "$full_row" ] || fail "local: '${local_row:-no removal}', full: '$full_row'"
kept=$(sed -n 's/^REMOVED .* KEPT \([0-9]*\) .*/\1/p' local.txt)
if [ -z "$kept" ] || [ "$kept" -lt 20 ]; then
  fail "the local run kept its atom copy in ${kept:-no} invocations, expected at least 20"
fi
pass "removal on step $full_step with local and full energies; the copy kept in $kept invocations"
