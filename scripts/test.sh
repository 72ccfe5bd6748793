#!/usr/bin/env bash
# Sets up what is missing (Chromium included), then runs every check and test:
# formatting, clippy, the native tests, the browser component tests, and the end-to-end
# journeys against the release build served under a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-browser
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n== %s\n' "$*"; }

step "Formatting"
cargo fmt --all -- --check

step "Clippy (native and wasm)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "Native tests"
cargo test --locked

step "Browser component tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test web

step "Release build"
trunk build --release --offline

step "End-to-end journeys (Playwright and axe-core in headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
