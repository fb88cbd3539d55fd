#!/usr/bin/env bash
# exsolve's Python module and CLI against freud and OVITO: label + M-O bonds per frame on a
# ~100 000-atom dump (make_dump.in), one thread each. Not part of the test run.
# Usage: bench/python/run.sh [work dir]   (needs scripts/setup.sh: the build with the module
# and the venv with freud and OVITO); REPEATS (default 3) runs per frame.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root="$here/../.."
build=${EXSOLVE_BUILD_DIR:-$root/build}
work=${1:-$(mktemp -d)}
python=$(bash "$root/scripts/python-env.sh")
mkdir -p "$work"
dump="$work/bench.dump"
[ -f "$dump" ] || "$root/bin/exsolve-lmp" -in "$here/make_dump.in" -var dump_file "$dump" -log none >/dev/null
PYTHONPATH="$build/python" PYTHONDONTWRITEBYTECODE=1 "$python" "$here/bench.py" "$dump" \
  "$build/analysis/tools/exsolve-analyze"
