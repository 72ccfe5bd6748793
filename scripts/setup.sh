#!/usr/bin/env bash
# Installs everything building (and, with --with-browser, testing) needs, skipping whatever is
# already there at the right version, so a second run takes seconds.
#
#   scripts/setup.sh                 the wasm target, Trunk, wasm-bindgen-cli, cargo-audit, npm
#                                    packages
#   scripts/setup.sh --with-browser  the same, plus Debian's Chromium and ChromeDriver
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
CARGO_AUDIT_VERSION=0.22.2
with_browser=false
[ "${1:-}" = "--with-browser" ] && with_browser=true

say() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk 0.22 needs a newer rustc than this machine has; 0.21.14 is pinned.
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "Installing Trunk $TRUNK_VERSION (about 7 minutes the first time)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# The CLI must equal the wasm-bindgen crate in Cargo.lock exactly, or Trunk and the test runner
# refuse (and Trunk would try to download one). `--locked` does not build for this crate.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "Could not read wasm-bindgen's version from Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version"; then
  say "Installing wasm-bindgen-cli $bindgen_version (about 2 minutes the first time)"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# cargo-audit checks Cargo.lock against the RustSec advisory database kept in ../shared (the
# test command never fetches it). Pinned, so a new release cannot change what passes. (0.22
# reports its version as "cargo-audit-audit 0.22.2", so either spelling is accepted.)
if ! cargo audit --version 2>/dev/null | grep -qxE "cargo-audit(-audit)? ${CARGO_AUDIT_VERSION//./\\.}"; then
  say "Installing cargo-audit $CARGO_AUDIT_VERSION (about 5 minutes the first time)"
  cargo install --locked cargo-audit --version "$CARGO_AUDIT_VERSION"
fi

# npm packages: GOV.UK Frontend and Sass for the styles, binaryen's wasm-opt (Debian's is too
# old), Playwright and axe for the browser tests. Reinstalled only when the lock file changes.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  say "Installing npm packages"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.lock-hash
fi

if $with_browser && ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
  say "Installing Chromium and ChromeDriver from Debian"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver
fi

# Trunk runs offline (it must not try to download tools), so crates are fetched first.
cargo fetch --locked --quiet
