#!/usr/bin/env bash
# fix exchange/cations keeps its local energies exact over many accepted exchanges
# (sequence.in): the sum of the event file's dU equals LAMMPS's pe after minus pe before, to
# 1e-9 of |pe|, with some exchanges accepted and some rejected (semi-grand canonical changes
# of type alike: dU is the last column of an event line in both modes), both invocations
# starting from the densities the pair style summed (f_ex[4] = 2).
# Usage: sequence.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"
run_lammps out.txt "$@" -in "$here/sequence.in" -log none
value_of() { sed -n "s/^$1 //p" out.txt | tail -n 1; }
before=$(value_of PE_BEFORE) after=$(value_of PE_AFTER) accepted=$(value_of ACCEPTED)
if [ -z "$before" ] || [ -z "$after" ] || [ -z "$accepted" ]; then
  fail "no PE_BEFORE, PE_AFTER or ACCEPTED line in out.txt"
fi
rows=$(grep -vc '^#' events.txt)
[ "$rows" = "$accepted" ] || fail "events.txt lists $rows exchanges, the fix counted $accepted"
computed=$(value_of COMPUTED_DENSITIES)
[ "$computed" = 2 ] || fail "$computed of 2 invocations took the pair style's densities (nothing moved: expected both)"
awk -v a="$accepted" 'BEGIN { exit !(a >= 50 && a <= 750) }' || fail "$accepted of 800 exchanges accepted: expected some accepted and some rejected"
grep -v '^#' events.txt | awk -v before="$before" -v after="$after" '
  { sum += $NF }
  END {
    difference = after - before; error = sum - difference; if (error < 0) error = -error
    scale = before < 0 ? -before : before
    printf "sum of dU %.10g eV, pe difference %.10g eV, |error| %.3g eV (tolerance %.3g)\n", sum, difference, error, 1e-9 * scale
    exit !(error <= 1e-9 * scale)
  }' || fail "the accepted exchanges' dU do not add up to the pe difference"
pass "$accepted exchanges accepted; their dU add up to the pe difference"
