#!/usr/bin/env bash
# Downloads the Debian source package `lammps` of the release EXSOLVE_LAMMPS chooses (and,
# for 29 Sep 2021, `trilinos`) with apt, using a project-private sources list and state
# directory per suite (the system's apt configuration is not touched), checks them against
# the signed Sources index, and unpacks a LAMMPS source tree; for 29 Sep
# 2021 with Kokkos (from trilinos' packages/kokkos) in lib/kokkos. The newer releases are
# dfsg tarballs without lib/kokkos: their trees are for host-only builds.
#
# Prints the path of the finished source tree on stdout.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

apt_dir="$EXSOLVE_CACHE/apt-$LAMMPS_SUITE"
download_dir="$EXSOLVE_CACHE/downloads"
source_tree="$EXSOLVE_CACHE/src/lammps-$LAMMPS_DEB_VERSION"

if [ -f "$source_tree/.exsolve-complete" ]; then
  step "LAMMPS source: reusing $source_tree"
  echo "$source_tree"
  exit 0
fi

uri=$(system_debian_uri | head -n 1)
[ -n "$uri" ] || die "could not find a Debian bookworm archive URI in /etc/apt/sources.list{,.d}"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "$keyring missing (install debian-archive-keyring)"

mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$download_dir"
echo "deb-src [signed-by=$keyring] $uri $LAMMPS_SUITE main" > "$apt_dir/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
          -o APT::Sandbox::User=root)

step "source packages: apt update of $LAMMPS_SUITE against $uri (private lists in $apt_dir)"
apt-get "${apt_opts[@]}" update -qq >&2 || die "apt-get update of the private deb-src list failed"

# Only the upstream tarball (.orig.tar.*) is used. It is checked against the SHA-256 that
# the Sources index lists, which apt has verified against the suite's signed InRelease; the
# .dsc is not needed (the archive answers 404 for the .dsc of some newer uploads while it
# serves their tarballs).
fetch_source() {  # name version
  local name=$1 version=$2 upstream=${2%-*} sum file
  read -r sum file < <(apt-cache "${apt_opts[@]}" showsrc "$name" | awk -v v="$version" -v pre="${name}_${upstream}.orig.tar." '
      /^Version: / { here = ($2 == v) } /^Checksums-Sha256:/ { f = here; next } /^[^ ]/ { f = 0 }
      f && index($3, pre) == 1 { print $1, $3; exit }')
  [ -n "${file:-}" ] || die "the $LAMMPS_SUITE Sources index lists no $name $version with an upstream tarball"
  if [ -f "$download_dir/$file" ] && echo "$sum  $download_dir/$file" | sha256sum --quiet -c - >/dev/null 2>&1; then
    step "source package $name $version: $file already downloaded and verified"
    return
  fi
  step "source package $name $version: downloading"
  (cd "$download_dir" && apt-get "${apt_opts[@]}" source --download-only -qq "$name=$version" >&2) \
    || step "apt-get source reported failures (a missing .dsc is harmless); checking $file"
  [ -f "$download_dir/$file" ] || die "download of $file (Debian source package $name=$version) failed"
  echo "$sum  $download_dir/$file" | sha256sum --quiet -c - >/dev/null 2>&1 \
    || die "$download_dir/$file does not match the SHA-256 of the signed $LAMMPS_SUITE Sources index"
}

fetch_source lammps "$LAMMPS_DEB_VERSION"
[ -z "$TRILINOS_DEB_VERSION" ] || fetch_source trilinos "$TRILINOS_DEB_VERSION"

step "unpacking LAMMPS into $source_tree"
rm -rf "$source_tree" "$source_tree.partial"
mkdir -p "$source_tree.partial"
lammps_tars=("$download_dir"/lammps_"${LAMMPS_DEB_VERSION%-*}".orig.tar.*)
lammps_tar=${lammps_tars[0]}
# Most tarballs hold one top-level folder; the 4 Jul 2026 one holds the tree itself.
strip=1
tar -tf "$lammps_tar" | grep -x 'src/version.h' >/dev/null && strip=0  # no -q: tar must not get SIGPIPE
tar -xf "$lammps_tar" -C "$source_tree.partial" --strip-components=$strip || die "could not unpack $lammps_tar"
[ -f "$source_tree.partial/src/version.h" ] || die "$lammps_tar holds no src/version.h"

if [ -n "$TRILINOS_DEB_VERSION" ]; then
  step "unpacking Kokkos (trilinos packages/kokkos) into lib/kokkos (this reads the whole trilinos tarball, ~1 min)"
  trilinos_tars=("$download_dir"/trilinos_"${TRILINOS_DEB_VERSION%-*}".orig.tar.*)
  trilinos_tar=${trilinos_tars[0]}
  rm -rf "$source_tree.partial/lib/kokkos" "$EXSOLVE_CACHE/src/trilinos-kokkos.tmp"
  mkdir -p "$EXSOLVE_CACHE/src/trilinos-kokkos.tmp"
  tar -xf "$trilinos_tar" -C "$EXSOLVE_CACHE/src/trilinos-kokkos.tmp" --wildcards '*/packages/kokkos/*' \
    || die "could not unpack packages/kokkos from $trilinos_tar"
  mv "$(ls -d "$EXSOLVE_CACHE"/src/trilinos-kokkos.tmp/*/packages/kokkos)" "$source_tree.partial/lib/kokkos"
  rm -rf "$EXSOLVE_CACHE/src/trilinos-kokkos.tmp"
  grep -q 'Kokkos_VERSION_MAJOR 3' "$source_tree.partial/lib/kokkos/CMakeLists.txt" \
    || die "lib/kokkos from trilinos is not Kokkos 3.x"
fi

touch "$source_tree.partial/.exsolve-complete"
mv "$source_tree.partial" "$source_tree"
step "LAMMPS source ready: $source_tree"
echo "$source_tree"
