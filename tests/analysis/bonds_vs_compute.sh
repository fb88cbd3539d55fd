#!/usr/bin/env bash
# exsolve-analyze bonds against compute interface/bonds (the oracle: the same rule,
# computed by LAMMPS during the run) on every dumped frame: frame totals and the bonds of
# both particles. Usage: bonds_vs_compute.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"

run_lammps lammps.txt -in "$here/bonds_vs_compute.in" -log log.lammps
"$analyze" bonds -c "$here/bonds.yaml" bonds.dump || fail "exsolve-analyze bonds failed"

# oracle.txt: step total interface particle1_bonds particle2_bonds
# bonds_frames.csv: frame,timestep,bonds,interface_atoms,...; bonds.csv: frame,timestep,particle,atoms,interface,bonds,...
awk -F'[ ,]' 'FILENAME ~ /oracle/ { if ($1 !~ /^#/) { total[$1] = $2; iface[$1] = $3; p1[$1] = $4; p2[$1] = $5 }; next }
     FILENAME ~ /bonds_frames/ { if (FNR > 1) { frames++; if ($3 != total[$2] || $4 != iface[$2]) { print "step " $2 ": " $3 " bonds, " $4 " interface atoms vs compute " total[$2] ", " iface[$2]; bad++ } }; next }
     FNR > 1 { row[$2]++; b = (row[$2] == 1) ? p1[$2] : p2[$2]; if ($6 != b) { print "step " $2 " particle row " row[$2] ": " $6 " bonds vs compute " b; bad++ } }
     END { if (frames != 5) { print "expected 5 frames, got " frames; bad++ }; exit bad > 0 }' \
  oracle.txt bonds-out/bonds_frames.csv bonds-out/bonds.csv || fail "bonds disagree with compute interface/bonds"
awk -F, 'NR > 1 && $3 > 50 { ok = 1 } END { exit !ok }' bonds-out/bonds_frames.csv || fail "too few bonds: the check is vacuous"

# Per atom, in the same dump: the tool's bond counts equal compute interface/bonds' (c_ib)
# and its particle partition equals fix nanoparticle/track's (f_track) — labels differ, so
# the label <-> ID mapping must be one-to-one.
paste -d' ' bonds.dump bonds-out/bonds_annotated.dump | awk '
  NF == 14 && $1 ~ /^[0-9]+$/ && $1 == $8 {
    atoms++
    if ($6 != $14) { bad++; if (bad < 5) print "atom " $1 ": compute " $6 " bonds, tool " $14 }
    if (($7 == 0) != ($13 == 0)) { bad++; print "atom " $1 ": free in one, in a particle in the other" }
    else if ($7 != 0) {
      key = NR_frame ":" $7
      if ((key in to_label) && to_label[key] != $13) { bad++; print "fix particle " $7 " maps to two labels" }
      to_label[key] = $13
      back = NR_frame ":" $13
      if ((back in to_fix) && to_fix[back] != $7) { bad++; print "label " $13 " maps to two fix particles" }
      to_fix[back] = $7
    }
  }
  /^ITEM: TIMESTEP/ { NR_frame++ }
  END { if (atoms < 1000) { print "compared only " atoms " atoms"; bad++ }; exit bad > 0 }' \
  || fail "per-atom bonds or partition differ from the plugin styles in the same dump"

# bonds without its keys: a clear error naming the key.
printf 'metal_types: [2]\nparticle_cutoff: 3.0\natomic_volume: 10.94\noutput: x\n' > incomplete.yaml
if "$analyze" bonds -c incomplete.yaml bonds.dump 2>err.txt; then fail "ran without oxygen_types"; fi
grep -q "key 'oxygen_types': missing (required by bonds)" err.txt || fail "no clear message for a missing key"
pass
