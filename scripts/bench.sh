#!/usr/bin/env bash
# Measures how fast and small the tool is, and prints one table of figures next to its budgets:
# the bytes of a first visit, cold load, answer latency, resuming with 200 saved assessments,
# share-link length and the core's throughput. The table is also written to
# bench/output/latest.json so that runs can be compared.
#
# It builds the release dist/ (as scripts/test.sh does) and a native release build of the core's
# bench binary, then drives Debian's headless Chromium against dist/ served on 127.0.0.1.
# It reports figures; it never fails because a figure is over its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-browser
export PATH="$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*" >&2; }

step "Release build of the app (dist/)"
trunk build --release --offline

step "Native figures (share links, core throughput) and 200 saved assessments"
cargo build --locked --offline --release --bin bench-core
bench_core="${CARGO_TARGET_DIR:-target}/release/bench-core"
mkdir -p bench/output
"$bench_core" figures > bench/output/core.json
"$bench_core" drafts 200 > bench/output/drafts.json

step "Browser figures (headless Chromium)"
node bench/bench.mjs
