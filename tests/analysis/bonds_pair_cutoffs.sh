#!/usr/bin/env bash
# exsolve-analyze bonds with per-type-pair cutoffs (bond_cutoffs) against compute
# interface/bonds with the same `cutoff` keywords (the oracle: the same rule, computed by
# LAMMPS during the run) on every dumped frame: frame totals, the bonds of both particles
# and of every atom. The same run analysed with the global cutoff alone must give other
# numbers — those of a second compute with that cutoff — so the per-pair values matter.
# Usage: bonds_pair_cutoffs.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"

run_lammps lammps.txt -in "$here/bonds_pair_cutoffs.in" -log log.lammps
"$analyze" bonds -c "$here/bonds_pair_cutoffs.yaml" bonds.dump || fail "exsolve-analyze bonds (bond_cutoffs) failed"
sed -e '/^bond_cutoffs:/c bond_cutoff: 2.6' -e 's/^output: .*/output: global-out/' \
  "$here/bonds_pair_cutoffs.yaml" > global.yaml
grep -q '^bond_cutoff: 2.6$' global.yaml || fail "global.yaml: the global cutoff was not put in"
"$analyze" bonds -c global.yaml bonds.dump || fail "exsolve-analyze bonds (bond_cutoff) failed"

# oracle.txt: step total interface particle1_bonds particle2_bonds global_total global_interface
# bonds_frames.csv: frame,timestep,bonds,interface_atoms,...; bonds.csv: frame,timestep,particle,atoms,interface,bonds,...
awk -F'[ ,]' 'FILENAME ~ /oracle/ { if ($1 !~ /^#/) { total[$1] = $2; iface[$1] = $3; p1[$1] = $4; p2[$1] = $5; gtotal[$1] = $6; giface[$1] = $7 }; next }
     FILENAME ~ /pair-out.bonds_frames/ { if (FNR > 1) { frames++; if ($3 != total[$2] || $4 != iface[$2]) { print "step " $2 ": " $3 " bonds, " $4 " interface atoms vs compute " total[$2] ", " iface[$2]; bad++ } }; next }
     FILENAME ~ /global-out.bonds_frames/ { if (FNR > 1) { global_frames++; if ($3 != gtotal[$2] || $4 != giface[$2]) { print "global cutoff, step " $2 ": " $3 " bonds, " $4 " interface atoms vs compute " gtotal[$2] ", " giface[$2]; bad++ }
                                            if ($3 == total[$2]) { print "step " $2 ": the global cutoff gives the same " $3 " bonds as the per-pair cutoffs"; bad++ } }; next }
     FNR > 1 { row[$2]++; b = (row[$2] == 1) ? p1[$2] : p2[$2]; if ($6 != b) { print "step " $2 " particle row " row[$2] ": " $6 " bonds vs compute " b; bad++ } }
     END { if (frames != 5 || global_frames != 5) { print "expected 5 frames in each analysis, got " frames ", " global_frames; bad++ }; exit bad > 0 }' \
  oracle.txt pair-out/bonds_frames.csv global-out/bonds_frames.csv pair-out/bonds.csv \
  || fail "bonds disagree with compute interface/bonds"
awk -F, 'NR > 1 && $3 > 50 { ok = 1 } END { exit !ok }' pair-out/bonds_frames.csv || fail "too few bonds: the check is vacuous"

# Per atom, in the same dump: the tool's bond counts equal the compute's (c_ib), for atoms
# of both metal types, some of them bonded.
paste -d' ' bonds.dump pair-out/bonds_annotated.dump | awk '
  NF == 14 && $1 ~ /^[0-9]+$/ && $1 == $8 {
    if ($2 == 3 || $2 == 4) { metal[$2]++; if ($6 > 0) bonded[$2]++ }
    if ($6 != $14) { bad++; if (bad < 5) print "atom " $1 ": compute " $6 " bonds, tool " $14 }
  }
  END { if (bonded[3] < 20 || bonded[4] < 20) { print "bonded atoms of types 3, 4: " bonded[3] + 0 ", " bonded[4] + 0; bad++ }
        exit bad > 0 }' \
  || fail "per-atom bonds differ from compute interface/bonds in the same dump"

# The sidecar records the cutoffs: the entries as written and the table used.
json="pair-out/bonds.json"
grep -qF '"bond_cutoffs": [' "$json" || fail "$json lacks bond_cutoffs"
for entry in '"2.6"' '"3* 2 2.2"' '"4 *1 2.9"'; do
  grep -qF "$entry" "$json" || fail "$json lacks the entry $entry"
done
tr -d ' \n' < "$json" > flat.json
for pair in '3,1,2.6' '3,2,2.2' '4,1,2.9' '4,2,2.2'; do
  IFS=, read -r metal oxygen cutoff <<< "$pair"
  grep -qF "{\"cutoff_A\":$cutoff,\"metal_type\":$metal,\"oxygen_type\":$oxygen}" flat.json \
    || fail "$json does not record cutoff $cutoff Å for metal type $metal, oxygen type $oxygen"
done
pass
