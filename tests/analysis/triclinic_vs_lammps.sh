#!/usr/bin/env bash
# exsolve-analyze in a tilted cell against LAMMPS built-ins in the same run (triclinic.in):
# per atom and frame, its particle labels equal compute cluster/atom's IDs and its M-O bond
# counts equal compute coord/atom's (and compute interface/bonds'); the two caps, which
# straddle the slanted x face and the y face, are one particle each; fix nanoparticle/track
# finds the same particles with the same radii of gyration; report runs every analysis on
# the tilted dump.
# Usage: triclinic_vs_lammps.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"

run_lammps lammps.txt -in "$here/triclinic.in" -log log.lammps
"$analyze" report -c "$here/triclinic.yaml" --annotated-dump tilted.dump >report.txt 2>&1 || { cat report.txt; fail "report failed"; }

# tilted.dump: id type x y z c_cl c_co c_ib f_track; the annotated dump: id type x y z particle bonds.
paste -d' ' tilted.dump tilted-out/bonds_annotated.dump | awk '
  /^ITEM: TIMESTEP/ { frame++ }
  NF == 16 && $1 ~ /^[0-9]+$/ && $1 == $10 {
    atoms++
    if ($6 != $15) { bad++; if (bad < 5) print "frame " frame " atom " $1 ": cluster/atom " $6 ", tool particle " $15 }
    if ($7 != $16 || $8 != $16) { bad++; if (bad < 5) print "frame " frame " atom " $1 ": coord/atom " $7 ", interface/bonds " $8 ", tool " $16 " bonds" }
    # fix nanoparticle/track numbers particles its own way: one fix ID per cluster and back.
    if (($6 == 0) != ($9 == 0)) { bad++; print "frame " frame " atom " $1 ": cluster/atom " $6 ", fix " $9 }
    else if ($6 != 0) {
      if ((frame ":" $6) in fix_of && fix_of[frame ":" $6] != $9) { bad++; print "cluster " $6 " has two fix IDs" }
      if ((frame "#" $9) in cluster_of && cluster_of[frame "#" $9] != $6) { bad++; print "fix ID " $9 " spans two clusters" }
      fix_of[frame ":" $6] = $9; cluster_of[frame "#" $9] = $6
    }
    if ($2 == 2) {
      metal++
      bonded += $16
      # Fractional coordinates in the cell (lx 40, ly 24, xy 8): how far each particle spreads.
      sy = $4 / 24; sx = ($3 - 8 * sy) / 40; key = frame ":" $15
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

# fix nanoparticle/track's radii of gyration (track_oracle.txt: step particles rg1 rg2)
# equal the tool's (particles.csv: frame,timestep,particle,atoms,diameter,com x y z,rg,height),
# as sets per step.
awk -F'[ ,]' 'FNR == NR { if ($1 !~ /^#/) { n[$1] = $2; a[$1] = $3 < $4 ? $3 : $4; b[$1] = $3 < $4 ? $4 : $3 }; next }
     FNR > 1 { rows[$2]++; if (rows[$2] == 1) first[$2] = $9; else second[$2] = $9 }
     END {
       for (s in rows) {
         lo = first[s] < second[s] ? first[s] : second[s]; hi = first[s] < second[s] ? second[s] : first[s]
         if (n[s] != 2 || (lo - a[s])^2 > 1e-8 || (hi - b[s])^2 > 1e-8) { print "step " s ": tool " lo ", " hi " vs fix " n[s] " particles " a[s] ", " b[s]; bad++ }
         steps++
       }
       if (steps != 5) { print "compared " steps " steps"; bad++ }
       exit bad > 0
     }' track_oracle.txt tilted-out/particles.csv || fail "fix nanoparticle/track disagrees with the tool in the tilted cell"

# With Kokkos (EXSOLVE_TEST_KOKKOS=1: the LAMMPS build has it), fix nanoparticle/track/kk
# and compute interface/bonds/kk in the same tilted run: the same per-atom columns and radii.
if [ "${EXSOLVE_TEST_KOKKOS:-0}" = 1 ]; then
  { mkdir -p kokkos && cd kokkos; } || fail "no kokkos directory"
  run_lammps lammps.txt -k on t 1 -sf kk -in "$here/triclinic.in" -log log.lammps
  grep -q "nanoparticle/track track: Kokkos variant" lammps.txt || fail "the Kokkos variant did not run"
  cmp <(awk 'NF == 9 { print $1, $6, $7, $8, $9 }' tilted.dump) <(awk 'NF == 9 { print $1, $6, $7, $8, $9 }' ../tilted.dump) \
    || fail "Kokkos run: per-atom clusters, bonds or particle IDs differ from the plain run"
  cmp track_oracle.txt ../track_oracle.txt || fail "Kokkos run: radii of gyration differ from the plain run"
  cd ..
fi

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
