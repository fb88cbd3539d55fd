#!/usr/bin/env bash
# bin/exsolve-lmp must fail loudly, before LAMMPS starts, when the plugin is missing.
set -uo pipefail
runner=$1
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
cat >"$build/exsolve-paths.sh" <<PATHS
EXSOLVE_LAMMPS_BINARY="$(type -P true)"
EXSOLVE_PLUGIN_PATH="$build/no-such-exsolveplugin.so"
PATHS
output=$(EXSOLVE_BUILD_DIR="$build" "$runner" -in /dev/null 2>&1)
rc=$?
echo "$output"
[ $rc -ne 0 ] || { echo "TEST FAILED: runner exited 0 without a plugin"; exit 1; }
echo "$output" | grep -q "plugin $build/no-such-exsolveplugin.so is missing" \
  || { echo "TEST FAILED: the message does not name the missing plugin"; exit 1; }
echo "TEST PASSED"
