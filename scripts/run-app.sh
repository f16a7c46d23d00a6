#!/usr/bin/env bash
# Sets up the machine, builds Roundtable Planner (release) and launches it.
#
#   bash scripts/run-app.sh [APP ARGS...]
#
# The app keeps its plan store in the OS app-data directory; set ROUNDTABLE_DB to use
# another SQLite file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh

echo "==> Building the UI (ui/dist)"
(cd ui && npm run build)

echo "==> Building the app (release)"
cargo build --release -p roundtable-planner

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "warning: neither DISPLAY nor WAYLAND_DISPLAY is set; the window may not open." >&2
fi

echo "==> Launching target/release/roundtable-planner"
exec "$ROOT/target/release/roundtable-planner" "$@"
