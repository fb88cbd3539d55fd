#!/usr/bin/env bash
# Installs the Debian packages exsolve builds and runs with. Idempotent: packages already
# present are not touched, and apt is only called when something is missing.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

packages=(
  build-essential cmake ninja-build ccache pkg-config dpkg-dev xz-utils gzip git
  openmpi-bin libopenmpi-dev
  libyaml-cpp-dev libboost-test-dev libfmt-dev libcli11-dev zlib1g-dev nlohmann-json3-dev
  gnuplot-nox chromium
  shellcheck clang-format
  python3-dev python3-venv
  libvulkan1 mesa-vulkan-drivers
  debian-archive-keyring
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  step "Debian packages: all ${#packages[@]} present"
  exit 0
fi

step "Debian packages: installing ${missing[*]}"
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq || die "apt-get update failed (is the Debian archive reachable?)"
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
  || die "apt-get install failed for: ${missing[*]}"
