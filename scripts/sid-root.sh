#!/usr/bin/env bash
# The tool chain of EXSOLVE_LAMMPS=2026: a Debian sid root with Debian's Kokkos 5.2.2
# (libkokkos-dev: OpenMP + Serial, its CMake package), g++, CMake, ninja, Open MPI and the
# packages scripts/install-packages.sh lists, made once with debootstrap and cached in
# $EXSOLVE_CACHE/sid-root. sid's Kokkos needs glibc >= 2.38 and libstdc++ >= 13, so neither
# it nor anything built against it runs on bookworm: LAMMPS 4 Jul 2026 and exsolve are built
# and run inside the root (scripts/lib.sh: run_in_sid_root). The Kokkos source package
# answers 404 in the archive, its binary packages do not.
#
# The root is used only once it carries /etc/exsolve-sid-root, written last; an unfinished
# one is made again. Prints the root's path on stdout. Needs root (debootstrap, chroot).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

root=$EXSOLVE_SID_ROOT
if [ -f "$root/etc/exsolve-sid-root" ]; then
  step "sid root: reusing $root"
  echo "$root"
  exit 0
fi
[ "$(id -u)" -eq 0 ] || die "making the sid root needs root (debootstrap and chroot)"

if ! command -v debootstrap >/dev/null; then
  step "sid root: installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >&2 \
    || die "apt-get install debootstrap failed"
fi
uri=$(system_debian_uri | head -n 1)
[ -n "$uri" ] || die "could not find a Debian bookworm archive URI in /etc/apt/sources.list{,.d}"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "$keyring missing (install debian-archive-keyring)"

partial="$root.partial"
rm -rf "$partial"
mkdir -p "$partial"
step "sid root: debootstrap --variant=minbase sid from $uri into $partial (about 1 min)"
debootstrap --variant=minbase --keyring="$keyring" sid "$partial" "$uri" >"$EXSOLVE_CACHE/sid-root-debootstrap.log" 2>&1 \
  || { tail -n 20 "$EXSOLVE_CACHE/sid-root-debootstrap.log" >&2; die "debootstrap of sid failed (log: $EXSOLVE_CACHE/sid-root-debootstrap.log)"; }

# The archive's sid Release file can be past its Valid-Until date (a snapshot mirror):
# apt inside the root does not check it. Nothing else of the root's apt is changed.
echo 'Acquire::Check-Valid-Until "false";' >"$partial/etc/apt/apt.conf.d/99exsolve-no-valid-until"
cp /etc/resolv.conf "$partial/etc/resolv.conf" 2>/dev/null || true
# The packages exsolve builds and tests with (the same list as on the host), then Kokkos
# and python3 (one test's hand check).
(EXSOLVE_SID_ROOT=$partial run_in_sid_root bash "$EXSOLVE_ROOT/scripts/install-packages.sh") \
  || die "installing the build packages in the sid root failed"
step "sid root: installing Debian's Kokkos (libkokkos-dev) and python3"
(EXSOLVE_SID_ROOT=$partial run_in_sid_root env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends libkokkos-dev python3 >&2) \
  || die "apt-get install libkokkos-dev in the sid root failed"
# Debian's libkokkos-dev 5.2.2-2 names two static libraries in its CMake targets that no
# package ships (libkokkosalgorithms.a, libkokkossimd.a: Kokkos builds them from placeholder
# sources; their code is in the headers), so find_package(Kokkos) fails. Empty archives in
# their place let the package load; a symbol really missing would fail at link time.
# shellcheck disable=SC2016 # the script in single quotes is expanded by the bash in the sid root
(EXSOLVE_SID_ROOT=$partial run_in_sid_root bash -c '
  for lib in $(sed -n "s|.*IMPORTED_LOCATION[_A-Z]* \"\${_IMPORT_PREFIX}/\(.*\.a\)\"|/usr/\1|p" /usr/lib/*/cmake/Kokkos/KokkosTargets-*.cmake); do
    [ -e "$lib" ] || { ar rc "$lib" && echo "sid root: $lib is named by the Kokkos package but not shipped: empty archive put there" >&2; }
  done') || die "completing the Kokkos package in the sid root failed"
# shellcheck disable=SC2016 # ${Version} is dpkg-query's format field, not a shell expansion
kokkos_version=$(EXSOLVE_SID_ROOT=$partial run_in_sid_root dpkg-query -W -f='${Version}' libkokkos-dev)
gxx_version=$(EXSOLVE_SID_ROOT=$partial run_in_sid_root g++ -dumpfullversion)
printf 'exsolve 2026 tool chain: Debian sid, libkokkos-dev %s, g++ %s, made %s\n' \
  "$kokkos_version" "$gxx_version" "$(date -u +%Y-%m-%dT%H:%MZ)" >"$partial/etc/exsolve-sid-root"
rm -rf "$root"
mv "$partial" "$root"
step "sid root ready: $root ($(cat "$root/etc/exsolve-sid-root"))"
echo "$root"
