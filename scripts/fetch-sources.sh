#!/usr/bin/env bash
# Downloads the Debian bookworm source packages `lammps` and `trilinos` with apt, using a
# project-private sources list and state directory (the system's apt configuration is not
# touched), checks them against the checksums of their signed .dsc files, and unpacks a
# LAMMPS source tree with Kokkos (from trilinos' packages/kokkos) in lib/kokkos.
#
# Prints the path of the finished source tree on stdout.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

apt_dir="$EXSOLVE_CACHE/apt"
download_dir="$EXSOLVE_CACHE/downloads"
source_tree="$EXSOLVE_CACHE/src/lammps-$LAMMPS_DEB_VERSION"

if [ -f "$source_tree/.exsolve-complete" ]; then
  step "LAMMPS source: reusing $source_tree"
  echo "$source_tree"
  exit 0
fi

# The archive URI the system's own apt uses for bookworm (deb822 or one-line format);
# never a hard-coded host.
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
uri=$(system_debian_uri | head -n 1)
[ -n "$uri" ] || die "could not find a Debian bookworm archive URI in /etc/apt/sources.list{,.d}"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "$keyring missing (install debian-archive-keyring)"

mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$download_dir"
echo "deb-src [signed-by=$keyring] $uri bookworm main" > "$apt_dir/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
          -o APT::Sandbox::User=root)

step "source packages: apt update against $uri (private lists in $apt_dir)"
apt-get "${apt_opts[@]}" update -qq >&2 || die "apt-get update of the private deb-src list failed"

fetch_source() {  # name version
  local name=$1 version=$2 upstream=${2%-*}
  if ls "$download_dir/${name}_${version}.dsc" >/dev/null 2>&1 && verify_dsc "$download_dir/${name}_${version}.dsc"; then
    step "source package $name $version: already downloaded and verified"
    return
  fi
  step "source package $name $version: downloading"
  (cd "$download_dir" && apt-get "${apt_opts[@]}" source --download-only -qq "$name=$version" >&2) \
    || die "download of Debian source package $name=$version failed"
  verify_dsc "$download_dir/${name}_${version}.dsc" || die "checksum mismatch for $name $version"
}

# Every file the .dsc lists must be present with the SHA-256 it states (apt has already
# checked the .dsc itself against the signed Sources index).
verify_dsc() {
  local dsc=$1 ok=0
  [ -f "$dsc" ] || return 1
  while read -r sum size file; do
    [ -n "$file" ] || continue
    echo "$sum  $download_dir/$file" | sha256sum --quiet -c - >/dev/null 2>&1 || { step "bad or missing: $file"; ok=1; }
  done < <(awk '/^Checksums-Sha256:/{f=1; next} /^[^ ]/{f=0} f' "$dsc")
  return $ok
}

fetch_source lammps "$LAMMPS_DEB_VERSION"
fetch_source trilinos "$TRILINOS_DEB_VERSION"

step "unpacking LAMMPS into $source_tree"
rm -rf "$source_tree" "$source_tree.partial"
mkdir -p "$source_tree.partial"
lammps_tar=$(ls "$download_dir"/lammps_"${LAMMPS_DEB_VERSION%-*}".orig.tar.*)
tar -xf "$lammps_tar" -C "$source_tree.partial" --strip-components=1 || die "could not unpack $lammps_tar"
[ -f "$source_tree.partial/src/version.h" ] || die "$lammps_tar holds no src/version.h"

step "unpacking Kokkos (trilinos packages/kokkos) into lib/kokkos (this reads the whole trilinos tarball, ~1 min)"
trilinos_tar=$(ls "$download_dir"/trilinos_"${TRILINOS_DEB_VERSION%-*}".orig.tar.*)
rm -rf "$source_tree.partial/lib/kokkos" "$EXSOLVE_CACHE/src/trilinos-kokkos.tmp"
mkdir -p "$EXSOLVE_CACHE/src/trilinos-kokkos.tmp"
tar -xf "$trilinos_tar" -C "$EXSOLVE_CACHE/src/trilinos-kokkos.tmp" --wildcards '*/packages/kokkos/*' \
  || die "could not unpack packages/kokkos from $trilinos_tar"
mv "$(ls -d "$EXSOLVE_CACHE"/src/trilinos-kokkos.tmp/*/packages/kokkos)" "$source_tree.partial/lib/kokkos"
rm -rf "$EXSOLVE_CACHE/src/trilinos-kokkos.tmp"
grep -q 'Kokkos_VERSION_MAJOR 3' "$source_tree.partial/lib/kokkos/CMakeLists.txt" \
  || die "lib/kokkos from trilinos is not Kokkos 3.x"

touch "$source_tree.partial/.exsolve-complete"
mv "$source_tree.partial" "$source_tree"
step "LAMMPS source ready: $source_tree"
echo "$source_tree"
