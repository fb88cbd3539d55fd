#!/usr/bin/env bash
# The plugin compiles against the Kokkos package of the LAMMPS build (a copy of its install
# in the exsolve build tree, cmake/LAMMPSKokkos.cmake): at run time exactly one Kokkos core
# library may be initialised, the one liblammps loads; a second copy crashes at exit.
set -uo pipefail
runner=$1 input=$2 workdir=$3
rm -rf "$workdir" && mkdir -p "$workdir" && cd "$workdir" || exit 1
LD_DEBUG=libs "$runner" -in "$input" -k on t 1 -sf kk -log none >output.txt 2>loader.txt
rc=$?
grep -q "Loading plugin: exsolve" output.txt || { cat output.txt; echo "TEST FAILED: the plugin was not loaded (exit $rc)"; exit 1; }
[ $rc -eq 0 ] || { tail -n 20 output.txt; echo "TEST FAILED: LAMMPS exited $rc"; exit 1; }
copies=$(grep -oE 'calling init: [^ ]*libkokkoscore[^ ]*' loader.txt | sort -u)
echo "Kokkos core libraries initialised:"
echo "$copies"
[ -n "$copies" ] || { echo "TEST FAILED: no libkokkoscore seen by the loader (LD_DEBUG)"; exit 1; }
[ "$(echo "$copies" | wc -l)" -eq 1 ] || { echo "TEST FAILED: more than one Kokkos core library"; exit 1; }
echo "TEST PASSED"
