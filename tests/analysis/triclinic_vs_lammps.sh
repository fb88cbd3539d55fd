#!/usr/bin/env bash
# exsolve-analyze in a tilted cell against LAMMPS built-ins in the same run (triclinic.in):
# per atom and frame, its particle labels equal compute cluster/atom's IDs and its M-O bond
# counts equal compute coord/atom's (and compute interface/bonds'); the two caps, which
# straddle the slanted x face and the y face, are one particle each; report runs every
# analysis on the tilted dump.
# Usage: triclinic_vs_lammps.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"

run_lammps lammps.txt -in "$here/triclinic.in" -log log.lammps
"$analyze" report -c "$here/triclinic.yaml" --annotated-dump tilted.dump >report.txt 2>&1 || { cat report.txt; fail "report failed"; }

# tilted.dump: id type x y z c_cl c_co c_ib; the annotated dump: id type x y z particle bonds.
paste -d' ' tilted.dump tilted-out/bonds_annotated.dump | awk '
  /^ITEM: TIMESTEP/ { frame++ }
  NF == 15 && $1 ~ /^[0-9]+$/ && $1 == $9 {
    atoms++
    if ($6 != $14) { bad++; if (bad < 5) print "frame " frame " atom " $1 ": cluster/atom " $6 ", tool particle " $14 }
    if ($7 != $15 || $8 != $15) { bad++; if (bad < 5) print "frame " frame " atom " $1 ": coord/atom " $7 ", interface/bonds " $8 ", tool " $15 " bonds" }
    if ($2 == 2) {
      metal++
      bonded += $15
      # Fractional coordinates in the cell (lx 40, ly 24, xy 8): how far each particle spreads.
      sy = $4 / 24; sx = ($3 - 8 * sy) / 40; key = frame ":" $14
      if (!(key in lo_x) || sx < lo_x[key]) lo_x[key] = sx
      if (!(key in hi_x) || sx > hi_x[key]) hi_x[key] = sx
      if (!(key in lo_y) || sy < lo_y[key]) lo_y[key] = sy
      if (!(key in hi_y) || sy > hi_y[key]) hi_y[key] = sy
    }
  }
  END {
    if (frame != 5 || atoms != 5 * 297) { print "compared " atoms " atoms in " frame " frames"; bad++ }
    if (bonded < 200) { print "only " bonded " bonds: the check is vacuous"; bad++ }
    for (key in lo_x) {
      across_x += hi_x[key] - lo_x[key] > 0.6
      across_y += hi_y[key] - lo_y[key] > 0.6
    }
    if (across_x != 5 || across_y != 5) { print "particles across the x face in " across_x " frames, across y in " across_y " (expected 5 each)"; bad++ }
    exit bad > 0
  }' || fail "particles or bonds in the tilted cell differ from LAMMPS's"

# One particle per cap on every frame, in every analysis that lists particles.
for table in particles bonds socket track; do
  [ "$(awk -F, 'NR > 1' "tilted-out/$table.csv" | wc -l)" -eq 10 ] || fail "$table.csv: not 2 particles x 5 frames"
done
awk -F, 'NR > 1 && $3 != "birth" { print; bad++ } END { exit bad > 0 }' tilted-out/events.csv \
  || fail "track saw events other than the two births"
# The particle centres are inside the tilted cell: cap A near (4, 12), cap B near (24, 23).
awk -F, 'NR > 1 { sy = $7 / 24; sx = ($6 - 8 * sy) / 40
                  if (sx < -1e-6 || sx > 1 + 1e-6 || sy < -1e-6 || sy > 1 + 1e-6) { print "centre outside the cell: " $0; bad++ } }
         END { exit bad > 0 }' tilted-out/particles.csv || fail "a particle centre lies outside the tilted cell"
# The surface must be a face of the cell: with xy = 8 no face is normal to x.
sed 's/^output: .*/output: x-out\nsurface_axis: x/' "$here/triclinic.yaml" >surface_x.yaml
if "$analyze" particles -c surface_x.yaml tilted.dump 2>surface_x.err; then fail "accepted surface_axis x in a cell with xy = 8"; fi
grep -qF "tilted.dump: frame 1 (step 0): the tilted cell (xy 8.000000, xz 0.000000, yz 0.000000) has no face normal to surface_axis x" surface_x.err \
  || { cat surface_x.err; fail "no clear message for a surface axis that is no cell face"; }
pass
