#!/usr/bin/env bash
# The plugin compiles against the Kokkos package of the LAMMPS build (a copy of its install
# in the exsolve build tree, cmake/LAMMPSKokkos.cmake): at run time exactly one Kokkos core
# library may be initialised, the one liblammps loads; a second copy crashes at exit.
# Usage: kokkos_single_copy.sh <runner> <input> <work dir>
# shellcheck source=../lib/helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/helpers.sh"
runner=$1 input=$2 workdir=$3
fresh_workdir "$workdir"
status=0
LD_DEBUG=libs "$runner" -in "$input" -k on t 1 -sf kk -log none >output.txt 2>loader.txt || status=$?
grep -q "Loading plugin: exsolve" output.txt || { cat output.txt; fail "the plugin was not loaded (exit $status)"; }
[ "$status" -eq 0 ] || { tail -n 20 output.txt; fail "LAMMPS exited $status"; }
copies=$(grep -oE 'calling init: [^ ]*libkokkoscore[^ ]*' loader.txt | sort -u || true)
echo "Kokkos core libraries initialised:"
echo "$copies"
[ -n "$copies" ] || fail "no libkokkoscore seen by the loader (LD_DEBUG)"
[ "$(echo "$copies" | wc -l)" -eq 1 ] || fail "more than one Kokkos core library"
pass
