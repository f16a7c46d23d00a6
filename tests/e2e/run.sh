#!/usr/bin/env bash
# End-to-end tests of the desktop app through tauri-driver.
#
#   tests/e2e/run.sh [SPEC.test.mjs ...]     (default: every tests/e2e/specs/*.test.mjs)
#
# Environment:
#   APP                 app binary (default: target/debug/roundtable-planner under the repo root;
#                       a relative APP is taken from the current directory)
#   TAURI_DRIVER        tauri-driver binary (default: on PATH, else ~/.cargo/bin/tauri-driver)
#   TAURI_DRIVER_PORT   tauri-driver port (default 4444); WebKitWebDriver gets the next one
#   E2E_DISPLAY         X display for Xvfb when DISPLAY is unset (default :99, next free if taken)
#   E2E_ARTIFACTS       where screenshots and driver logs go (default tests/e2e/artifacts)
#   E2E_SCREENSHOT      "import" to grab the X screen with /usr/bin/import instead of WebDriver
#
# Each spec file gets its own tauri-driver, started with a fresh ROUNDTABLE_DB (a path
# in a new temporary directory) in its environment: tauri-driver -> WebKitWebDriver ->
# the app inherit it, so every spec file starts from an empty plan store. The same
# way ROUNDTABLE_TEST_DIALOG_DIR makes the app's file dialogs answer from a fresh
# directory (WebDriver cannot drive GTK's file chooser); the spec gets it as
# E2E_DIALOG_DIR, to put files to import there and read the exported ones, and
# the plan file as E2E_DB, to change it from outside the window. Specs
# named native_* get the real dialogs, which they drive with xdotool.
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/../.." && pwd)"

log() { printf '[e2e] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- inputs -----------------------------------------------------------------
if [[ -n "${APP:-}" ]]; then
  APP="$(realpath -m -- "$APP")"
else
  APP="$ROOT/target/debug/roundtable-planner"
fi
[[ -x "$APP" ]] || die "app binary not found or not executable: $APP (build it with: cargo build -p roundtable-planner)"
export APP

if [[ -z "${TAURI_DRIVER:-}" ]]; then
  if command -v tauri-driver >/dev/null 2>&1; then
    TAURI_DRIVER="$(command -v tauri-driver)"
  else
    TAURI_DRIVER="$HOME/.cargo/bin/tauri-driver"
  fi
fi
[[ -x "$TAURI_DRIVER" ]] || die "tauri-driver not found (cargo install tauri-driver --locked; or bash scripts/setup.sh)"
command -v WebKitWebDriver >/dev/null 2>&1 || die "WebKitWebDriver not found (apt-get install webkit2gtk-driver)"

PORT="${TAURI_DRIVER_PORT:-4444}"
NATIVE_PORT="$((PORT + 1))"
export TAURI_DRIVER_PORT="$PORT"

export E2E_ARTIFACTS="${E2E_ARTIFACTS:-$E2E_DIR/artifacts}"
mkdir -p "$E2E_ARTIFACTS"

if [[ $# -gt 0 ]]; then
  SPECS=()
  for spec in "$@"; do SPECS+=("$(realpath -- "$spec")"); done
else
  shopt -s nullglob
  SPECS=("$E2E_DIR"/specs/*.test.mjs)
  shopt -u nullglob
fi
[[ ${#SPECS[@]} -gt 0 ]] || die "no spec files"

if [[ ! -d "$E2E_DIR/node_modules/webdriverio" ]]; then
  log "installing the harness's npm packages"
  (cd "$E2E_DIR" && npm ci --ignore-scripts --no-audit --no-fund)
fi

# --- process bookkeeping and cleanup ------------------------------------------
XVFB_PID=""
DRIVER_PID=""
TMP_DIRS=()

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PIDs of every descendant of $1 (children first-level, then theirs).
descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null || true); do
    echo "$child"
    descendants "$child"
  done
}

stop_driver() {
  [[ -n "$DRIVER_PID" ]] || return 0
  local pid="$DRIVER_PID" leftovers
  DRIVER_PID=""
  # Remember what tauri-driver started (WebKitWebDriver, and an app whose session
  # was not closed) before it goes: it kills WebKitWebDriver on SIGTERM, but an
  # orphaned app would live on.
  leftovers="$(descendants "$pid" | tr '\n' ' ')"
  # SIGTERM, never SIGKILL: only on SIGTERM does tauri-driver stop WebKitWebDriver,
  # which would otherwise keep holding its port.
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  local p
  for p in $leftovers; do
    # Skip processes that are gone or only zombies waiting to be reaped.
    if kill -0 "$p" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ]]; then
      log "stopping leftover process $p ($(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-80))"
      kill -TERM "$p" 2>/dev/null || true
    fi
  done
  # Give them a moment, then make sure the ports are free for the next spec.
  local i
  for ((i = 0; i < 50; i++)); do
    port_open "$PORT" || port_open "$NATIVE_PORT" || break
    sleep 0.1
  done
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_driver
  if [[ -n "$XVFB_PID" ]]; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
  fi
  local dir
  for dir in "${TMP_DIRS[@]}"; do rm -rf -- "$dir"; done
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- X server -----------------------------------------------------------------
start_xvfb() {
  command -v Xvfb >/dev/null 2>&1 || die "no DISPLAY and Xvfb not installed (apt-get install xvfb)"
  local n="${E2E_DISPLAY:-:99}"
  n="${n#:}"
  # Take the first display number whose lock and socket are free.
  while [[ -e "/tmp/.X${n}-lock" || -e "/tmp/.X11-unix/X${n}" ]]; do n=$((n + 1)); done
  # -noreset: a client connecting while the server resets (after its last client
  # left, between two specs) would be refused.
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset </dev/null >"$E2E_ARTIFACTS/xvfb.log" 2>&1 &
  XVFB_PID=$!
  local i
  for ((i = 0; i < 100; i++)); do
    [[ -S "/tmp/.X11-unix/X${n}" ]] && break
    kill -0 "$XVFB_PID" 2>/dev/null || die "Xvfb :$n exited; see $E2E_ARTIFACTS/xvfb.log"
    sleep 0.1
  done
  [[ -S "/tmp/.X11-unix/X${n}" ]] || die "Xvfb :$n did not come up"
  export DISPLAY=":$n"
  log "started Xvfb on $DISPLAY (pid $XVFB_PID)"
}

if [[ -z "${DISPLAY:-}" ]]; then
  start_xvfb
else
  log "using DISPLAY=$DISPLAY"
fi

# --- tauri-driver -------------------------------------------------------------
start_driver() { # $1: ROUNDTABLE_DB for the app, $2: log file, $3: the dialogs' directory ("" for the real ones)
  port_open "$PORT" && die "port $PORT is already in use (set TAURI_DRIVER_PORT)"
  port_open "$NATIVE_PORT" && die "port $NATIVE_PORT is already in use (set TAURI_DRIVER_PORT)"
  local dialogs=(ROUNDTABLE_TEST_DIALOG_DIR="$3")
  [[ -z "$3" ]] && dialogs=()
  env ROUNDTABLE_DB="$1" "${dialogs[@]}" "$TAURI_DRIVER" --port "$PORT" --native-port "$NATIVE_PORT" \
    </dev/null >"$2" 2>&1 &
  DRIVER_PID=$!
  local i
  for ((i = 0; i < 200; i++)); do
    if port_open "$PORT" && port_open "$NATIVE_PORT"; then
      return 0
    fi
    kill -0 "$DRIVER_PID" 2>/dev/null || { DRIVER_PID=""; die "tauri-driver exited; see $2"; }
    sleep 0.1
  done
  die "tauri-driver did not listen on ports $PORT/$NATIVE_PORT within 20 s; see $2"
}

# --- run ----------------------------------------------------------------------
log "app: $APP"
failed=0
for spec in "${SPECS[@]}"; do
  name="$(basename "$spec" .test.mjs)"
  tmp="$(mktemp -d -t roundtable-e2e-XXXXXX)"
  TMP_DIRS+=("$tmp")
  driver_log="$E2E_ARTIFACTS/tauri-driver-$name.log"
  log "spec $name: ROUNDTABLE_DB=$tmp/plan.sqlite"
  mkdir -p "$tmp/files"
  answers="$tmp/files"
  [[ "$name" == native_* ]] && answers=""
  start_driver "$tmp/plan.sqlite" "$driver_log" "$answers"
  # XDG_DATA_HOME: the CLI the specs run keeps its backups in the spec's folder, not the home folder.
  if (cd "$E2E_DIR" && XDG_DATA_HOME="$tmp" E2E_DIALOG_DIR="$tmp/files" E2E_DB="$tmp/plan.sqlite" node --test --test-reporter=spec --test-concurrency=1 "$spec"); then
    log "spec $name: passed"
  else
    failed=$((failed + 1))
    log "spec $name: FAILED; last lines of $driver_log:"
    tail -n 40 "$driver_log" >&2 || true
  fi
  stop_driver
done

if [[ $failed -gt 0 ]]; then
  log "$failed of ${#SPECS[@]} spec files failed"
  exit 1
fi
log "all ${#SPECS[@]} spec files passed; screenshots in $E2E_ARTIFACTS"
