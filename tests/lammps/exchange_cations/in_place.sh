#!/usr/bin/env bash
# fix exchange/cations writes accepted exchanges in place, without a neighbor list rebuild,
# where the lists do not depend on the two types (in_place.in), and the next force evaluation
# sees them on every rank and every ghost: oracle, a fresh evaluation of the same atoms.
# - eam_alloy, MD with exchanges on every step: the last step's pe and force norm equal
#   those of `run 0` afterwards (lists, ghosts and their types made anew) to 1e-9;
# - the same with semi-grand canonical changes of type (deltamu), and with them decided after
#   the forces (decide after_forces) on every second step of 10, each with the pair style's
#   densities (not under Kokkos);
# - eam_alloy, no integrator: no neighbor list build at all, the log says "written in place";
#   the 10 invocations take the EAM densities the pair style summed (nothing moved since),
#   none does with MD (the atoms moved since) or under Kokkos (eam/alloy/kk keeps them on
#   the device);
# - demo_ni2_reduction (pair hybrid/overlay): at least one build, the log names the reason;
# - eam_alloy, MD, fix reduce/oxygen removing atoms on the same steps before the exchanges:
#   the same agreement with a fresh evaluation.
# Usage: in_place.sh <runner> <build dir> <work dir> [runner arguments...]
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../lib/helpers.sh
source "$here/../../lib/helpers.sh"
use_runner "$1" "$2"
work=$3
shift 3
fresh_workdir "$work"

field() { sed -n "s/.*$1 \([^ ]*\).*/\1/p" "$2" | tail -n 1; }
builds() { sed -n 's/^Neighbor list builds = //p' "$1" | tail -n 2 | head -n 1; }
same() {
  awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; s = b < 0 ? -b : b; if (s < 1) s = 1; exit !(d <= 1e-9 * s) }'
}

run_lammps md.txt "$@" -in "$here/in_place.in" -log none -var model eam_alloy -var md yes
accepted=$(field ACCEPTED md.txt)
[ "$accepted" -gt 0 ] 2>/dev/null || fail "md: no accepted exchange (ACCEPTED '$accepted')"
grep -q "fix exchange/cations: accepted moves are written in place" md.txt || fail "md: the log does not say the moves are written in place"
for quantity in PE FNORM; do
  at_run=$(field "${quantity}_RUN" md.txt) fresh=$(field "${quantity}_FRESH" md.txt)
  if [ -z "$at_run" ] || [ -z "$fresh" ]; then fail "md: no ${quantity}_RUN or ${quantity}_FRESH in md.txt"; fi
  same "$at_run" "$fresh" || fail "md: $quantity at the last step $at_run, from a fresh evaluation $fresh"
done
echo "md: $accepted exchanges in place; last step pe $(field PE_RUN md.txt) = fresh $(field PE_FRESH md.txt)"
[ "$(field COMPUTED_DENSITIES md.txt)" = 0 ] ||
  fail "md: $(field COMPUTED_DENSITIES md.txt) invocations took the pair style's densities, though the atoms had moved"

run_lammps semi_grand.txt "$@" -in "$here/in_place.in" -log none -var model eam_alloy -var md yes -var exchange_args "deltamu 0"
[ "$(field ACCEPTED semi_grand.txt)" -gt 0 ] 2>/dev/null || fail "semi-grand: no accepted change of type"
for quantity in PE FNORM; do
  same "$(field "${quantity}_RUN" semi_grand.txt)" "$(field "${quantity}_FRESH" semi_grand.txt)" ||
    fail "semi-grand: $quantity at the last step $(field "${quantity}_RUN" semi_grand.txt), fresh $(field "${quantity}_FRESH" semi_grand.txt)"
done
echo "semi-grand: $(field ACCEPTED semi_grand.txt) changes of type in place; last step pe $(field PE_RUN semi_grand.txt) = fresh $(field PE_FRESH semi_grand.txt)"

# decide after_forces, MD: invocations on steps 1, 3, ..., 9 of 10 (post_force), so that the
# last step's forces and pe come after every move, as written in place and sent to the
# ghosts; each takes the pair style's densities (not under Kokkos).
run_lammps after_forces.txt "$@" -in "$here/in_place.in" -log none -var model eam_alloy -var md yes \
  -var exchange_args "deltamu 0 decide after_forces" -var every 2 -var steps 10
[ "$(field ACCEPTED after_forces.txt)" -gt 0 ] 2>/dev/null || fail "after_forces: no accepted change of type"
for quantity in PE FNORM; do
  same "$(field "${quantity}_RUN" after_forces.txt)" "$(field "${quantity}_FRESH" after_forces.txt)" ||
    fail "after_forces: $quantity at the last step $(field "${quantity}_RUN" after_forces.txt), fresh $(field "${quantity}_FRESH" after_forces.txt)"
done
case " $* " in
  *" -sf kk "*) computed=0 ;;
  *) computed=5 ;;
esac
[ "$(field COMPUTED_DENSITIES after_forces.txt)" = "$computed" ] ||
  fail "after_forces: $(field COMPUTED_DENSITIES after_forces.txt) of 5 invocations took the pair style's densities, expected $computed"
echo "after_forces: $(field ACCEPTED after_forces.txt) changes of type in place; last step pe $(field PE_RUN after_forces.txt) = fresh $(field PE_FRESH after_forces.txt)"

run_lammps still.txt "$@" -in "$here/in_place.in" -log none -var model eam_alloy -var md no
[ "$(field ACCEPTED still.txt)" -gt 0 ] 2>/dev/null || fail "no integrator: no accepted exchange"
[ "$(builds still.txt)" = 0 ] || fail "no integrator, exchanges in place: $(builds still.txt) neighbor list builds, expected 0"
case " $* " in
  *" -sf kk "*) computed=0 ;;
  *) computed=10 ;;
esac
[ "$(field COMPUTED_DENSITIES still.txt)" = "$computed" ] ||
  fail "no integrator: $(field COMPUTED_DENSITIES still.txt) of 10 invocations took the pair style's densities, expected $computed"

run_lammps hybrid.txt "$@" -in "$here/in_place.in" -log none -var model demo_ni2_reduction -var md no
[ "$(field ACCEPTED hybrid.txt)" -gt 0 ] 2>/dev/null || fail "hybrid: no accepted exchange"
grep -q "accepted moves force a neighbor list rebuild: a neighbor list keeps the atoms of some types only" hybrid.txt ||
  fail "hybrid: the log does not name why the moves force a rebuild"
[ "$(builds hybrid.txt)" -ge 1 ] 2>/dev/null || fail "hybrid: $(builds hybrid.txt) neighbor list builds, expected at least 1"
same "$(field PE_RUN hybrid.txt)" "$(field PE_FRESH hybrid.txt)" || fail "hybrid: pe at the last step differs from a fresh evaluation"
run_lammps both.txt "$@" -in "$here/in_place.in" -log none -var model eam_alloy -var md yes -var reduce_first yes
[ "$(field ACCEPTED both.txt)" -gt 0 ] 2>/dev/null || fail "with removals: no accepted exchange"
[ "$(field REMOVED both.txt)" -gt 0 ] 2>/dev/null || fail "with removals: no removal (REMOVED '$(field REMOVED both.txt)')"
for quantity in PE FNORM; do
  same "$(field "${quantity}_RUN" both.txt)" "$(field "${quantity}_FRESH" both.txt)" ||
    fail "with removals: $quantity at the last step $(field "${quantity}_RUN" both.txt), fresh $(field "${quantity}_FRESH" both.txt)"
done

pass "in place where the lists allow it (0 builds), a rebuild under hybrid/overlay ($(builds hybrid.txt) builds)"
