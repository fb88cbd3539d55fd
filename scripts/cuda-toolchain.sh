# shellcheck shell=bash
# Debian bookworm's CUDA 11.8 tool chain for the Kokkos 3.4 CUDA builds (sourced by
# check-cuda-build.sh and gpu-check.sh after lib.sh; not run on its own).
#
# use_debian_cuda_11_8 installs nvidia-cuda-toolkit (non-free) and g++-11 through a
# project-private deb822 sources file and apt state (the system's apt configuration is not
# touched), then sets this shell's environment: Debian's CUDA 11.8 first on PATH (nvcc_wrapper
# calls `nvcc`, nvcc calls `ptxas`, which Debian puts in /usr/bin), never a newer CUDA in
# /usr/local/cuda (Kokkos 3.4 predates it), g++-11 as nvcc_wrapper's host compiler, and
# CUDA_11_8_INCLUDE: a directory of links to Debian's CUDA headers, for -I. Some machines link
# the newer CUDA's headers into /usr/local/include, which every compiler searches before
# /usr/include: Kokkos 3.4 then meets CUDA 13's cuda_fp16.h and fails; searched first (-I),
# the links keep a build on CUDA 11.8's headers.
use_debian_cuda_11_8() {
  bash "$EXSOLVE_ROOT/scripts/install-packages.sh"
  if ! { dpkg-query -W -f='${Status}' nvidia-cuda-toolkit 2>/dev/null | grep -q "install ok installed" \
         && dpkg-query -W -f='${Status}' g++-11 2>/dev/null | grep -q "install ok installed"; }; then
    local apt_dir="$EXSOLVE_CACHE/apt-cuda" uri
    mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
    uri=$(system_debian_uri | head -n 1)
    [ -n "$uri" ] || die "could not find a Debian bookworm archive URI in /etc/apt/sources.list{,.d}"
    cat >"$apt_dir/sources/debian.sources" <<SOURCES
Types: deb
URIs: $uri
Suites: bookworm bookworm-updates
Components: main contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    local apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/sources"
                    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Sandbox::User=root)
    local as_root=()
    [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get "${apt_opts[@]}" update -qq || die "apt-get update of the private bookworm non-free list failed"
    step "installing nvidia-cuda-toolkit g++-11 (about 1.6 GB to download)"
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends \
      nvidia-cuda-toolkit g++-11 || die "apt-get install nvidia-cuda-toolkit g++-11 failed"
  fi

  local debian_cuda=/usr/lib/nvidia-cuda-toolkit/bin
  [ -x "$debian_cuda/nvcc" ] || die "$debian_cuda/nvcc missing: nvidia-cuda-toolkit did not install"
  unset CUDA_HOME CUDA_PATH CUDA_ROOT
  drop_cuda() { printf '%s' "${1:-}" | tr ':' '\n' | grep -v '^/usr/local/cuda' | paste -sd: || true; }
  PATH="$debian_cuda:/usr/bin:$(drop_cuda "$PATH")"
  LIBRARY_PATH=$(drop_cuda "${LIBRARY_PATH:-}")
  LD_LIBRARY_PATH=$(drop_cuda "${LD_LIBRARY_PATH:-}")
  export PATH LIBRARY_PATH LD_LIBRARY_PATH NVCC_WRAPPER_DEFAULT_COMPILER=g++-11
  CUDA_NVCC_VERSION=$(nvcc --version | grep -o 'release [0-9.]*') || die "nvcc (Debian's CUDA toolkit) does not run"
  [ "$CUDA_NVCC_VERSION" = "release 11.8" ] || die "nvcc on PATH is $CUDA_NVCC_VERSION, expected Debian's 11.8 ($(type -P nvcc))"
  ptxas --version | grep 'release 11.8' >/dev/null || die "ptxas on PATH ($(type -P ptxas)) is not Debian's CUDA 11.8"
  step "using nvcc $CUDA_NVCC_VERSION with host compiler $(g++-11 --version | head -n 1)"

  # Made aside and moved in only when it changed: a build running beside this call keeps
  # reading the links (an emptied directory would let it meet CUDA 13's headers).
  CUDA_11_8_INCLUDE="$EXSOLVE_CACHE/cuda-11.8-include"
  local fresh="$CUDA_11_8_INCLUDE.new.$$" entry name
  rm -rf "$fresh" && mkdir -p "$fresh"
  for entry in /usr/local/include/*; do
    [[ -L "$entry" && "$(readlink -f "$entry")" == /usr/local/cuda* ]] || continue
    name=$(basename "$entry")
    [ -e "/usr/include/$name" ] && ln -s "/usr/include/$name" "$fresh/$name"
  done
  # The links' names and targets, compared.
  if [ -d "$CUDA_11_8_INCLUDE" ] && diff <(find "$fresh" -mindepth 1 -maxdepth 1 ! -name '.*' -printf '%f %l\n' | sort) \
                                       <(find "$CUDA_11_8_INCLUDE" -mindepth 1 -maxdepth 1 ! -name '.*' -printf '%f %l\n' | sort) >/dev/null; then
    rm -rf "$fresh"
  else
    rm -rf "$CUDA_11_8_INCLUDE" && mv "$fresh" "$CUDA_11_8_INCLUDE"
  fi
  export CUDA_NVCC_VERSION CUDA_11_8_INCLUDE
}
