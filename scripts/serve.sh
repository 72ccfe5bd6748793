#!/usr/bin/env bash
# Sets up what is missing, then builds the app and serves it at http://127.0.0.1:8080/ with
# live reload. Stop it with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
exec trunk serve --offline --address 127.0.0.1 --port 8080 "$@"
