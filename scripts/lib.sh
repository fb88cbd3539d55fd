# Shared helpers for the set-up scripts (sourced, not run).

# Where sources and builds are cached, outside the clone, reused between runs.
EXSOLVE_CACHE="${EXSOLVE_CACHE:-$HOME/.cache/exsolve}"
EXSOLVE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The pinned Debian bookworm source packages (see DESIGN.md, "The stack").
LAMMPS_DEB_VERSION="20220106.git7586adbb6a+ds1-2"
TRILINOS_DEB_VERSION="13.2.0-4"

step() { printf '[exsolve %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[exsolve] ERROR: %s\n' "$*" >&2; exit 1; }
