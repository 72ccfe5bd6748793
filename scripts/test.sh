#!/usr/bin/env bash
# Sets up what is missing (Chromium included), then runs every check and test:
# formatting, the dependency audit, clippy, the native tests (which also replay the fuzz
# corpus), the browser component tests, and the end-to-end journeys against the release build
# served under a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-browser
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n== %s\n' "$*"; }

step "Formatting"
cargo fmt --all -- --check

step "Dependency audit (RustSec advisories, from the local copy of the database)"
# The database is not fetched here: it is kept beside the repository, in ../shared/advisory-db,
# or wherever ADVISORY_DB points. --stale because that copy is only as new as its last update.
advisory_db="${ADVISORY_DB:-../shared/advisory-db}"
if [ ! -d "$advisory_db/crates" ]; then
  echo "The RustSec advisory database is missing: expected it at $advisory_db (from the" >&2
  echo "repository root). Put a checkout of the RustSec advisory-db repository there, or set" >&2
  echo "ADVISORY_DB to the folder that holds one." >&2
  exit 1
fi
cargo audit --db "$advisory_db" --no-fetch --stale
# The fuzz crate has its own lock file (it is its own workspace).
cargo audit --db "$advisory_db" --no-fetch --stale --file fuzz/Cargo.lock

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
