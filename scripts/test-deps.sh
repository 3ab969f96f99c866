#!/usr/bin/env bash
# The system packages the tests drive, and the one place that knows them. `npm test` runs this
# first so a missing one is a clear message up front instead of a test failing half-way: as root
# with apt-get (CI, a container) it installs what is missing; otherwise it names the packages and
# the command to install them, and exits 1. Nothing is ever skipped silently.
#
# TEST_DEPS_PRETEND_MISSING="tmux chromium" treats those packages as missing (to see the message).
set -euo pipefail

# One entry per Debian package: "package probe". The probe is a command looked up on PATH, or an
# absolute path that must exist (e.g. /usr/lib/python3/dist-packages/requests for python3-requests).
DEPS=(
  "tmux tmux"                  # a real terminal for the end-to-end tests
  "chromium /usr/bin/chromium" # the real-browser tests; playwright-core drives it, downloads none
  "tinyproxy tinyproxy"        # a real proxy on loopback for the HTTPS_PROXY / NO_PROXY tests
  "openssl openssl"            # makes the certificates of the local Spotify over TLS
  "python3-requests /usr/lib/python3/dist-packages/requests" # the book-style Python player (e2e-book)
)

pretend=${TEST_DEPS_PRETEND_MISSING:-}
pretend=" ${pretend//,/ } "

present() {
  local package=$1 probe=$2
  [[ $pretend == *" $package "* ]] && return 1
  if [[ $probe == /* ]]; then [ -e "$probe" ]; else command -v "$probe" >/dev/null 2>&1; fi
}

missing_now() {
  local entry
  for entry in "${DEPS[@]}"; do
    # shellcheck disable=SC2086 # entries are two words by design
    present $entry || echo "$entry"
  done
}

mapfile -t missing_entries < <(missing_now)
[ ${#missing_entries[@]} -eq 0 ] && exit 0
missing=("${missing_entries[@]%% *}")

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: installing ${missing[*]} (apt-get)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  unset TEST_DEPS_PRETEND_MISSING
  pretend=' '
  mapfile -t still < <(missing_now)
  if [ ${#still[@]} -gt 0 ]; then
    echo "test-deps: still missing after apt-get install: ${still[*]%% *}" >&2
    exit 1
  fi
  exit 0
fi

{
  echo "test-deps: the tests need system packages that are missing: ${missing[*]}"
  for entry in "${missing_entries[@]}"; do
    if [[ ${entry#* } == /* ]]; then echo "  ${entry%% *}: no ${entry#* }"; else echo "  ${entry%% *}: no ${entry#* } on PATH"; fi
  done
  if command -v apt-get >/dev/null 2>&1; then
    echo "Install them with:  sudo apt-get install -y ${missing[*]}"
  else
    echo "Install ${missing[*]} with your package manager."
  fi
  echo "Then run npm test again."
  [ "$pretend" = '  ' ] || echo "(TEST_DEPS_PRETEND_MISSING=${TEST_DEPS_PRETEND_MISSING} is set: those count as missing.)"
} >&2
exit 1
