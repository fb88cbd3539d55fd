#!/usr/bin/env bash
# exsolve-analyze socket on a built geometry (the oracle: how it was built, socket.in):
# the resting cap A lies 1.9–2.6 Å above the surface (its lowest fcc layer: depth -2.6 to
# -1.9, nothing submerged), the
# sunk cap B reaches ~3 Å below it (depth 2–3.1 Å, part of it submerged); the reference
# surface is the top layer at 9.76 Å.
# Usage: socket.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"
run_lammps lammps.txt -in "$here/socket.in" -log log.lammps
"$analyze" socket -c "$here/socket.yaml" socket.dump || fail "exsolve-analyze socket failed"
cat socket-out/socket.csv
# socket.csv: frame,timestep,particle,atoms,bottom,top,rim,reference,depth_local,depth_global,submerged,rim_cells
awk -F, 'NR == 2 { a_ok = ($9 > -2.8 && $9 < -1.6 && $11 == 0 && ($8 - 9.7625)^2 < 1e-6 && $12 > 5) }
         NR == 3 { b_ok = ($9 > 2.0 && $9 < 3.1 && $10 > 2.0 && $10 < 3.1 && $11 > 0.2 && $11 < 0.8) }
         END { exit !(NR == 3 && a_ok && b_ok) }' socket-out/socket.csv || fail "socket depths off the built geometry"
if "$analyze" socket -c "$here/socket.yaml" -o missing-out --force socket.dump 2>/dev/null; then :; else fail "rerun failed"; fi
printf 'metal_types: [4]\nparticle_cutoff: 3.0\natomic_volume: 10.94\noutput: x\n' > incomplete.yaml
if "$analyze" socket -c incomplete.yaml socket.dump 2>err.txt; then fail "ran without support_types"; fi
grep -q "key 'support_types': missing (required by socket)" err.txt || fail "no clear message for a missing key"
pass
