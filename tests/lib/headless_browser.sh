# shellcheck shell=bash
# Headless Chromium (Debian's chromium) for the tests that check rendered HTML pages.
# Source it after helpers.sh (it fails the test when chromium is missing); then
#   headless_browser <profile dir> <chromium arguments...>
# runs chromium offline and headless with a private profile (120 s limit); its stderr
# goes where the caller redirects it.
command -v chromium >/dev/null || fail "chromium is not installed (scripts/install-packages.sh installs it)"

headless_browser()
{
  local profile=$1
  shift
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" "$@"
}
