#!/usr/bin/env bash
# exsolve-analyze on a tilted cell equals exsolve-analyze on the same atoms in an equivalent
# orthogonal description: bonds_vs_compute.in's dump (40 x 20 Å, p p f) rewritten with the
# cell vector b' = b + a (xy = 40 Å: the same lattice, every position unchanged). Every
# table of report agrees to the printed precision, except that particle centres may be
# wrapped into the other cell: there they must differ by a lattice vector (multiples of
# 40 Å in x and 20 Å in y) — and for one cap at least they do, so the tilted wrap is used.
# Usage: triclinic_equivalent.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"

run_lammps lammps.txt -in "$here/bonds_vs_compute.in" -log log.lammps
# Triclinic BOX BOUNDS give the bounding box: x from xlo + min(0, xy) to xhi + max(0, xy).
awk '/^ITEM: BOX BOUNDS pp pp ff$/ { print "ITEM: BOX BOUNDS xy xz yz pp pp ff"; box = 3; next }
     box == 3 { print $1, $2 + 40, 40; box--; next }
     box > 0 { print $1, $2, 0; box--; next }
     { print }' bonds.dump >sheared.dump
[ "$(grep -c 'xy xz yz' sheared.dump)" -eq 5 ] || fail "the dump was not rewritten as triclinic"

for dump in bonds sheared; do
  "$analyze" report -c "$here/report.yaml" -o "$dump-out" "$dump.dump" >"$dump.txt" 2>&1 \
    || { cat "$dump.txt"; fail "report on $dump.dump failed"; }
done

compared=0 rewrapped=0
for table in bonds-out/*.csv; do
  name=$(basename "$table")
  [ -e "sheared-out/$name" ] || fail "report on the tilted cell wrote no $name"
  result=$(paste -d'|' "$table" "sheared-out/$name" | awk -F'|' '
    NR == 1 { if ($1 != $2) { print "header differs: " $1 " vs " $2; exit 1 }
              n = split($1, names, ","); next }
    {
      split($1, a, ","); split($2, b, ",")
      for (k = 1; k <= n; k++) {
        if (names[k] == "com_x_A" || names[k] == "com_y_A") {
          period = names[k] == "com_x_A" ? 40 : 20
          shift = (b[k] - a[k]) / period; whole = sprintf("%.0f", shift)
          if ((shift - whole) * period > 1e-5 || (whole - shift) * period > 1e-5) { print "line " NR " " names[k] ": " a[k] " vs " b[k]; exit 1 }
          if (whole != 0) moved++
        } else if (a[k] != b[k]) {
          d = a[k] - b[k]; if (d < 0) d = -d; m = a[k] < 0 ? -a[k] : a[k]
          if (a[k] b[k] ~ /[a-z]/ && a[k] != b[k] || d > 1e-5 * (m > 1 ? m : 1)) { print "line " NR " " names[k] ": " a[k] " vs " b[k]; exit 1 }
        }
      }
      rows++
    }
    END { print rows + 0, moved + 0 }') || fail "$name differs between the orthogonal and the tilted description: $result"
  [ "$(wc -l <"$table")" -eq "$(wc -l <"sheared-out/$name")" ] || fail "$name: row counts differ"
  compared=$((compared + 1))
  rewrapped=$((rewrapped + ${result#* }))
done
[ "$compared" -ge 10 ] || fail "compared only $compared tables"
[ "$rewrapped" -gt 0 ] || fail "no particle centre was wrapped differently: the tilted cell's wrap went untested"
echo "$compared tables agree; $rewrapped centres wrapped into the tilted cell"
pass
