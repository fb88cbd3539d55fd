#!/usr/bin/env bash
# fix reduce/oxygen's energy change of a removal against LAMMPS's own: for each launch and
# each energy mode, one removal (energy_move.in), then the same system with the same oxygen
# deleted by delete_atoms and the same cations changed by set (energy_oracle.in); the fix's
# dU must equal pe(after) - pe(before) to 1e-9 of |pe|, the modes must agree to 1e-9 of |dU|,
# and every launch must remove the same oxygen (by position) with the same dU.
# Usage: energy_oracle.sh <runner> <build dir> <work dir> <model> "<modes>" <launch>=<runner arguments>...
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3 model=$4 modes=$5
shift 5
[ $# -gt 0 ] || fail "no launches given"
fresh_workdir "$work"

value_of() { sed -n "s/^$1 //p" "$2" | tail -n 1; }
# within <a> <b> <tolerance>: |a - b| <= tolerance
within() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }'; }

reference_du="" reference_site=""
for spec in "$@"; do
  launch=${spec%%=*}
  read -ra launch_args <<<"${spec#*=}"
  for mode in $modes; do
    out="$launch-$mode"
    mkdir -p "$out" && cd "$out"
    run_lammps move.txt "${launch_args[@]}" -in "$here/energy_move.in" -log none -var model "$model" -var energy "$mode"
    [ "$(value_of ACCEPTED move.txt)" = 1 ] || fail "$out: the removal was not accepted"
    du=$(value_of DELTA_U move.txt)
    event=$(grep -v '^#' removal.txt | tail -n 1)
    read -r _ oxygen_id ox oy oz _ cations <<<"$event"
    {
      echo "group gone id $oxygen_id"
      echo "delete_atoms group gone compress no"
      # Models without charges (atom_style atomic) say reduced_charge none.
      charge=""
      [ "$(value_of REDUCED_CHARGE move.txt)" = none ] || charge=" charge \${reduced_charge}"
      for id in $cations; do echo "set atom $id type \${reduced_type}$charge"; done
    } >oracle_changes.lmp
    run_lammps oracle.txt "${launch_args[@]}" -in "$here/energy_oracle.in" -log none -var model "$model"
    pe_before=$(value_of ORACLE_PE_BEFORE oracle.txt)
    pe_after=$(value_of ORACLE_PE_AFTER oracle.txt)
    oracle_du=$(awk -v a="$pe_after" -v b="$pe_before" 'BEGIN { printf "%.17g", a - b }')
    tolerance=$(awk -v e="$pe_before" 'BEGIN { if (e < 0) e = -e; printf "%.3g", 1e-9 * (e > 1 ? e : 1) }')
    echo "$out: oxygen $oxygen_id at ($ox, $oy, $oz), cations [$cations]: dU $du, oracle $oracle_du (tolerance $tolerance)"
    within "$du" "$oracle_du" "$tolerance" || fail "$out: dU $du differs from LAMMPS's pe difference $oracle_du"
    site="$ox $oy $oz"
    if [ -z "$reference_du" ]; then
      reference_du=$du reference_site=$site
    else
      [ "$site" = "$reference_site" ] || fail "$out removed the oxygen at ($site), the first run the one at ($reference_site)"
      mode_tolerance=$(awk -v e="$reference_du" 'BEGIN { if (e < 0) e = -e; printf "%.3g", 1e-9 * e }')
      within "$du" "$reference_du" "$mode_tolerance" || fail "$out: dU $du differs from the first run's $reference_du"
    fi
    cd ..
  done
done
pass "dU equals LAMMPS's energy difference in every launch and mode"
