# shellcheck shell=bash
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
#   2026  4 Jul 2026, sid, with sid's Kokkos 5.2.2 (libkokkos-dev), built and run inside a
#         Debian sid root (scripts/sid-root.sh): sid's Kokkos, g++ and glibc do not run on
#         bookworm
# LAMMPS_KOKKOS says where the build's Kokkos comes from: in-tree (lib/kokkos), external
# (the toolchain's own Kokkos CMake package) or none (host only).
EXSOLVE_LAMMPS="${EXSOLVE_LAMMPS:-2021}"
# shellcheck disable=SC2034 # LAMMPS_* are read by the scripts that source this file
case "$EXSOLVE_LAMMPS" in
  2021) LAMMPS_SUITE=bookworm LAMMPS_DEB_VERSION="20220106.git7586adbb6a+ds1-2" TRILINOS_DEB_VERSION="13.2.0-4" LAMMPS_KOKKOS=in-tree ;;
  2025) LAMMPS_SUITE=trixie   LAMMPS_DEB_VERSION="20250204+dfsg.1-2"            TRILINOS_DEB_VERSION="" LAMMPS_KOKKOS=none ;;
  2026) LAMMPS_SUITE=sid      LAMMPS_DEB_VERSION="20260704+dfsg-2"              TRILINOS_DEB_VERSION="" LAMMPS_KOKKOS=external ;;
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

# The Debian sid root that is the 2026 toolchain (scripts/sid-root.sh makes it). Inside it,
# /etc/exsolve-sid-root exists; the project and the cache are mounted at their own paths.
EXSOLVE_SID_ROOT="$EXSOLVE_CACHE/sid-root"
export EXSOLVE_SID_ROOT
needs_sid_root() { [ "$EXSOLVE_LAMMPS" = 2026 ]; }
inside_sid_root() { [ -f /etc/exsolve-sid-root ]; }

# Runs a command inside the sid root, in the current directory: in a private mount namespace
# (the mounts vanish with the command, and concurrent runs do not see each other's) with
# /proc, /dev, /sys, and the project and the cache bind-mounted at the same paths, so that
# every path in build trees and CMake caches means the same inside and outside. Needs root.
run_in_sid_root() {
  [ -d "$EXSOLVE_SID_ROOT/etc" ] || die "no sid root at $EXSOLVE_SID_ROOT: run scripts/sid-root.sh"
  [ "$(id -u)" -eq 0 ] || die "the 2026 toolchain runs in a chroot: run as root"
  # shellcheck disable=SC2016 # the script in single quotes is expanded by the bash it is given to
  unshare --mount --propagation private -- bash -c '
    set -e
    root=$1 cache=$2 project=$3
    shift 3
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
    for dir in "$cache" "$project"; do
      mkdir -p "$root$dir"
      mount --bind "$dir" "$root$dir"
    done
    cwd=$PWD
    [ -d "$root$cwd" ] || cwd=/
    exec chroot "$root" /bin/bash -c '"'"'cd "$0" && exec "$@"'"'"' "$cwd" "$@"
  ' run_in_sid_root "$EXSOLVE_SID_ROOT" "$EXSOLVE_CACHE" "$EXSOLVE_ROOT" "$@"
}

# For EXSOLVE_LAMMPS=2026 outside the sid root: runs the calling script (its path and
# arguments) again inside the root and exits with its status; otherwise returns. The root
# must exist (prepare_sid_root).
enter_sid_root_if_needed() {
  needs_sid_root && ! inside_sid_root || return 0
  [ -f "$EXSOLVE_SID_ROOT/etc/exsolve-sid-root" ] \
    || die "EXSOLVE_LAMMPS=2026 runs in the sid root $EXSOLVE_SID_ROOT, which is not made yet: run scripts/setup.sh"
  local status=0
  run_in_sid_root bash "$@" || status=$?
  exit "$status"
}

# The 2026 set-up's steps that run outside the root: the root itself, and the LAMMPS
# sources (fetched with this machine's apt, whose sources name the archive).
prepare_sid_root() {
  needs_sid_root && ! inside_sid_root || return 0
  bash "$EXSOLVE_ROOT/scripts/sid-root.sh" >/dev/null
  bash "$EXSOLVE_ROOT/scripts/fetch-sources.sh" >/dev/null
}
