#!/usr/bin/env bash
# bin/exsolve-lmp must fail loudly, before LAMMPS starts, when the plugin is missing.
# Usage: runner_missing_plugin.sh <runner>
# shellcheck source=../lib/helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/helpers.sh"
runner=$1
build=$(mktemp -d)
remove_at_exit "$build"
cat >"$build/exsolve-paths.sh" <<PATHS
EXSOLVE_LAMMPS_BINARY="$(type -P true)"
EXSOLVE_PLUGIN_PATH="$build/no-such-exsolveplugin.so"
PATHS
status=0
output=$(EXSOLVE_BUILD_DIR="$build" "$runner" -in /dev/null 2>&1) || status=$?
echo "$output"
[ "$status" -ne 0 ] || fail "runner exited 0 without a plugin"
grep -q "plugin $build/no-such-exsolveplugin.so is missing" <<<"$output" \
  || fail "the message does not name the missing plugin"
pass
