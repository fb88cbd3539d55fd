#!/usr/bin/env bash
# A kept atom copy finds an atom that moved since it was binned (kept_margin.in, -var motion
# near or far among the runner arguments): the local run removes the oxygen on the same step,
# with the same atoms and energy change (to 1e-9 relative), as the full-energy run (which
# copies the atoms anew on every invocation), by LATEST_STEP, with the copy kept in at least
# 20 invocations. Oracle: the full-energy run.
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
latest=$(sed -n 's/^REMOVED .* LATEST_STEP \([0-9]*\)$/\1/p' full.txt)
[ -n "$latest" ] || fail "the full-energy run printed no LATEST_STEP"
[ "$full_step" -le "$latest" ] ||
  fail "the full-energy run removed the oxygen on step $full_step, expected by step $latest"
# Steps, oxygen, position and cations alike; the energy change (field 6) to 1e-9 relative.
awk -v a="$local_row" -v b="$full_row" 'BEGIN {
    n = split(a, x, " "); m = split(b, y, " ")
    if (n != m) exit 1
    for (k = 1; k <= n; ++k) {
      if (k != 6) { if (x[k] != y[k]) exit 1; continue }
      d = x[k] - y[k]; s = y[k] < 0 ? -y[k] : y[k]
      if ((d < 0 ? -d : d) > 1e-9 * s) exit 1
    }
  }' || fail "local: '${local_row:-no removal}', full: '$full_row'"
# Far: every invocation by step 150 kept the copy (thermo's second column), so that the
# removal's step saw atoms 1.53 Å from where they were binned.
kept_by_150=$(sed -n 's/^REMOVED .* KEPT_BY_150 \(-*[0-9]*\) .*/\1/p' local.txt)
if [ -n "$kept_by_150" ] && [ "$kept_by_150" -ge 0 ]; then
  at_150=$(awk '$1 == 150 && NF == 2 { print $2 }' local.txt)
  if [ -z "$at_150" ] || [ "$at_150" -lt "$kept_by_150" ]; then
    fail "the local run kept its atom copy in ${at_150:-no} invocations by step 150, expected $kept_by_150"
  fi
fi
kept=$(sed -n 's/^REMOVED .* KEPT \([0-9]*\) .*/\1/p' local.txt)
if [ -z "$kept" ] || [ "$kept" -lt 20 ]; then
  fail "the local run kept its atom copy in ${kept:-no} invocations, expected at least 20"
fi
pass "removal on step $full_step with local and full energies ($local_row); the copy kept in $kept invocations"
