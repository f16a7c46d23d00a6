#!/usr/bin/env bash
# Sets up the machine and runs every check and test, stopping at the first failure.
#
#   bash scripts/test.sh
#
# Order matters: the UI is built before any cargo step that compiles the Tauri shell,
# because tauri::generate_context! embeds ui/dist.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false

STEP_START=""
step() {
  if [[ -n "$STEP_START" ]]; then
    # Free disk after each step: a full disk is the likeliest failure of a cold CI run.
    printf '    (done in %ss; %s free on disk)\n' "$((SECONDS - STEP_START))" \
      "$(df -h --output=avail . | tail -n 1 | tr -d ' ')"
  fi
  STEP_START=$SECONDS
  printf '\n==> %s\n' "$*"
}
trap 'printf "\n==> FAILED (exit %s) after %ss\n" "$?" "$SECONDS" >&2' ERR

step "Set up"
bash scripts/setup.sh --tests

step "cargo fmt --all --check"
cargo fmt --all --check

step "UI: build (ui/dist)"
(cd ui && npm run build)

step "UI: svelte-check"
(cd ui && npm run check)

step "UI: lint"
(cd ui && npm run lint)

step "UI: unit and component tests"
(cd ui && npm test)

step "roundtable-core stays free of Tauri"
if cargo tree -p roundtable-core -e normal,build --prefix none | grep -E '^(tauri|wry|webkit2gtk)' ; then
  echo "roundtable-core must build without Tauri or webkit; the lines above pull them in" >&2
  exit 1
fi

step "a release build of the shell leaves out Tauri's mock runtime"
if cargo tree -p roundtable-planner -e normal,build,features -i tauri | grep -F 'tauri feature "test"' ; then
  echo "the default features of roundtable-planner pull tauri/test (the mock runtime) into the release build" >&2
  exit 1
fi

# Every cargo step below builds with the same features (the headless IPC tests
# need Tauri's mock runtime), so tauri and the shell are compiled once for all.
WITH_MOCK=(--features roundtable-planner/mock-runtime)

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets "${WITH_MOCK[@]}" -- -D warnings

step "cargo test --workspace"
cargo test --workspace "${WITH_MOCK[@]}"

step "cargo build -p roundtable-planner (debug app for the end-to-end tests)"
cargo build -p roundtable-planner "${WITH_MOCK[@]}"

# The bundler's debug mode packs the binary just built (no second compile, so the
# package holds the mock-runtime build the E2E tests use; the release package is
# run-app.sh's). Run from src-tauri/, where the CLI finds tauri.conf.json.
step "The .deb of the debug app (tauri bundle --debug --bundles deb)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
(cd src-tauri && ../ui/node_modules/.bin/tauri bundle --debug --bundles deb --ci \
  --config "$(bash "$ROOT/scripts/deb-with-cli.sh" "$TARGET/debug/roundtable")")

step "The .deb installs, and xdg-open of a plan file opens the app on it (tests/package/deb.sh)"
bash tests/package/deb.sh
# The bundler's staging folder and the package hold about 1 GB nobody needs after this.
rm -rf "$TARGET/debug/bundle"

step "End-to-end tests (tests/e2e/run.sh)"
APP="$ROOT/target/debug/roundtable-planner" bash tests/e2e/run.sh

step "All checks passed"
printf '    total %ss\n' "$SECONDS"
