# Shared helpers for the set-up scripts (sourced, not run).

step() { printf '[exsolve %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[exsolve] ERROR: %s\n' "$*" >&2; exit 1; }

# The archive URI the system's own apt uses for bookworm (deb822 or one-line format);
# never a hard-coded host. The same archive serves trixie and sid.
system_debian_uri() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN{RS=""} /Suites:[^\n]*bookworm( |\n|$)/ && /Components:[^\n]*main/ {
           if (match($0, /URIs:[ \t]*[^ \t\n]+/)) { s=substr($0,RSTART,RLENGTH); sub(/URIs:[ \t]*/,"",s); print s; exit } }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1=="deb" && $0 ~ / bookworm / && $0 ~ / main/ { for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' "$f"
  done
}

# Where sources and builds are cached, outside the clone, reused between runs.
EXSOLVE_CACHE="${EXSOLVE_CACHE:-$HOME/.cache/exsolve}"
EXSOLVE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The LAMMPS release to build against, each from a pinned Debian source package
# (docs/building.md has the tested matrix):
#   2021  29 Sep 2021 Update 2, bookworm, with Kokkos 3.4.01 from trilinos (the default)
#   2025  4 Feb 2025, trixie, host only (the dfsg tarball carries no lib/kokkos)
#   2026  4 Jul 2026, sid, host only
EXSOLVE_LAMMPS="${EXSOLVE_LAMMPS:-2021}"
case "$EXSOLVE_LAMMPS" in
  2021) LAMMPS_SUITE=bookworm LAMMPS_DEB_VERSION="20220106.git7586adbb6a+ds1-2" TRILINOS_DEB_VERSION="13.2.0-4" ;;
  2025) LAMMPS_SUITE=trixie   LAMMPS_DEB_VERSION="20250204+dfsg.1-2"            TRILINOS_DEB_VERSION="" ;;
  2026) LAMMPS_SUITE=sid      LAMMPS_DEB_VERSION="20260704+dfsg-2"              TRILINOS_DEB_VERSION="" ;;
  *) die "EXSOLVE_LAMMPS='$EXSOLVE_LAMMPS': choose 2021 (29 Sep 2021, the default), 2025 (4 Feb 2025) or 2026 (4 Jul 2026)" ;;
esac

# exsolve's own build tree: build/ for the default release, build-lammps<release>/ for the
# others, so that switching releases never reconfigures (or mixes) a tree.
if [ "$EXSOLVE_LAMMPS" = 2021 ]; then
  EXSOLVE_BUILD_DIR="${EXSOLVE_BUILD_DIR:-$EXSOLVE_ROOT/build}"
else
  EXSOLVE_BUILD_DIR="${EXSOLVE_BUILD_DIR:-$EXSOLVE_ROOT/build-lammps$EXSOLVE_LAMMPS}"
fi
export EXSOLVE_CACHE EXSOLVE_LAMMPS EXSOLVE_BUILD_DIR
