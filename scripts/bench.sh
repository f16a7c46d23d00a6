#!/usr/bin/env bash
# Runs every benchmark and prints the figures the README reports:
#   bash scripts/bench.sh            # the large plan (1,000 events, 100,000 participants)
#   bash scripts/bench.sh --quick    # a twentieth of it
#   bash scripts/bench.sh --ui-only  # only the window's timings (the last step below)
# It builds the release app, the bench binary and the `roundtable` command line,
# generates the plan once (kept in the temp directory for later runs), times every
# command the UI uses on it, the exports (programme PDF, a 500-person list of
# participants as PDF and XLSX) and a 100,000-row participant import (5,000 with
# --quick), then launches the app under Xvfb on an empty and on the large plan,
# alternately, for first paint and the memory of its process tree. Last, it drives
# the release app through WebDriver (tests/e2e/bench/ui_timings.bench.mjs): the
# longest frame while a 100,000-row import commits (5,000 with --quick) and the
# time a 500-member delegation's panel takes to open. The app and the bench go to
# $CARGO_TARGET_DIR when it is set, else target/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

UI_ONLY=0
BENCH_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --ui-only) UI_ONLY=1 ;;
    --quick) BENCH_ARGS+=("$arg"); export BENCH_IMPORT_ROWS="${BENCH_IMPORT_ROWS:-5000}" ;;
    *) BENCH_ARGS+=("$arg") ;;
  esac
done

bash scripts/setup.sh
(cd ui && npm run build)
# Separate invocations: built together, the packages' features unify differently
# and the whole GTK/WebKit stack is compiled a second time.
cargo build --release -p roundtable-planner
cargo build --release -p roundtable-cli
[[ $UI_ONLY == 1 ]] || cargo build --release -p roundtable-bench

XVFB_PID=""
cleanup() { [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true; }
trap cleanup EXIT
if [[ -z "${DISPLAY:-}" ]]; then
  export DISPLAY=:97
  Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp -noreset >/dev/null 2>&1 &
  XVFB_PID=$!
  # On a busy machine Xvfb can take several seconds to listen.
  for _ in $(seq 100); do [[ -S /tmp/.X11-unix/X97 ]] && break; sleep 0.3; done
fi

if [[ $UI_ONLY == 0 ]]; then
  "$TARGET/release/roundtable-bench" "${BENCH_ARGS[@]}" --startup "$TARGET/release/roundtable-planner"
fi
# The window's timings twice: as the app starts (accelerated compositing, which
# Xvfb's software GL makes costly) and with WebKitGTK's compositing off.
export APP="$TARGET/release/roundtable-planner"
bash tests/e2e/run.sh tests/e2e/bench/ui_timings.bench.mjs
WEBKIT_DISABLE_COMPOSITING_MODE=1 bash tests/e2e/run.sh tests/e2e/bench/ui_timings.bench.mjs
