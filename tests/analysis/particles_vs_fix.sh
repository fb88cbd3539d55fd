#!/usr/bin/env bash
# exsolve-analyze particles against fix nanoparticle/track (the oracle: same cutoff and
# min_size, computed by LAMMPS during the run) on every dumped frame, for a plain and a
# gzipped dump; and the output-directory protection.
# Usage: particles_vs_fix.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"

run_lammps lammps.txt -in "$here/particles_vs_fix.in" -log log.lammps
"$analyze" particles -c "$here/analysis.yaml" particles.dump || fail "exsolve-analyze failed"

# oracle.txt: step particles mean_size; frames.csv: frame,timestep,particles,free_atoms,mean_atoms,...
awk 'NR == FNR { if ($1 !~ /^#/) { n[$1] = $2; m[$1] = $3 }; next }
     FNR > 1 { split($0, f, ","); seen++
               if (!(f[2] in n)) { print "step " f[2] " missing in oracle"; bad++; next }
               if (f[3] != n[f[2]] || (f[5] - m[f[2]])^2 > 1e-12) { print "step " f[2] ": " f[3] " particles, mean " f[5] " vs fix " n[f[2]] ", " m[f[2]]; bad++ } }
     END { if (seen != 11) { print "expected 11 frames, got " seen; bad++ } ; exit bad > 0 }' \
  oracle.txt analysis-out/frames.csv || fail "frames.csv disagrees with fix nanoparticle/track"
grep -q '"frames_analysed": 11' analysis-out/particles.json || fail "particles.json lacks frames_analysed 11"
merged=$(awk -F, 'NR > 1 && $3 == 1' analysis-out/frames.csv | wc -l)
[ "$merged" -gt 0 ] || fail "no frame with one merged particle: the scenario did not happen"

# An existing output directory is never overwritten without --force.
if "$analyze" particles -c "$here/analysis.yaml" particles.dump 2>err.txt; then fail "overwrote without --force"; fi
grep -q "exists; choose another one or pass --force" err.txt || fail "no clear message for an existing output directory"

# The same dump gzipped gives the same tables.
cp analysis-out/particles.csv plain.csv
gzip -k particles.dump
"$analyze" particles -c "$here/analysis.yaml" --force particles.dump.gz || fail "exsolve-analyze failed on .gz"
cmp -s plain.csv analysis-out/particles.csv || fail "gzipped dump gave different particles.csv"

# A truncated last frame is skipped with a warning, not an error.
head -c -40 particles.dump > truncated.dump
"$analyze" particles -c "$here/analysis.yaml" -o truncated-out truncated.dump 2>warn.txt || fail "truncated dump failed"
grep -q "warning: .*frame 11 is cut short" warn.txt || fail "no warning for the truncated frame"
grep -q '"frames_analysed": 10' truncated-out/particles.json || fail "truncated dump: expected 10 frames"
# coarsening on the same dump: its mean radius is half particles' mean equivalent diameter.
printf 'metal_types: [1]\nparticle_cutoff: 2.9\nmin_size: 5\natomic_volume: 10.94\ntimestep: 0.01\noutput: coarsening-out\n' > coarsening.yaml
"$analyze" coarsening -c coarsening.yaml particles.dump || fail "exsolve-analyze coarsening failed"
awk -F, 'NR == FNR { if (FNR > 1) d[$2] = $6; next }
         FNR > 1 { seen++; if (($6 - d[$2] / 2)^2 > 1e-8) { print "step " $2 ": radius " $6 " vs diameter " d[$2]; bad++ } }
         END { exit (bad > 0 || seen != 11) }' analysis-out/frames.csv coarsening-out/coarsening.csv \
  || fail "coarsening radii disagree with the particles table"
[ "$(wc -l < coarsening-out/coarsening_fits.csv)" -eq 4 ] || fail "expected fits for n = 2, 3, 4"
grep -q '"best_n": [234]' coarsening-out/coarsening.json || fail "no best n in coarsening.json"
pass
