#!/usr/bin/env bash
# Runs every benchmark and prints the figures the README reports:
#   bash scripts/bench.sh            # the large plan (1,000 events, 100,000 participants)
#   bash scripts/bench.sh --quick    # a twentieth of it
# It builds the release app and the bench binary, generates the plan once (kept
# in the temp directory for later runs), times every command the UI uses on it,
# the exports (programme PDF, a 500-person list of participants as PDF and XLSX)
# and a 100,000-row participant import (5,000 with --quick), then launches the app
# under Xvfb on an empty and on the large plan, alternately, for first paint and
# the memory of its process tree.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
(cd ui && npm run build)
# Two invocations: built together, the two packages' features unify differently
# and the whole GTK/WebKit stack is compiled a second time.
cargo build --release -p roundtable-planner
cargo build --release -p roundtable-bench

XVFB_PID=""
cleanup() { [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true; }
trap cleanup EXIT
if [[ -z "${DISPLAY:-}" ]]; then
  export DISPLAY=:97
  Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 1
fi

./target/release/roundtable-bench "$@" --startup "$ROOT/target/release/roundtable-planner"
