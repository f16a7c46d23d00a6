#!/usr/bin/env bash
# Sets up the machine, builds Roundtable Planner (release) with its .deb package, and
# launches it.
#
#   bash scripts/run-app.sh [APP ARGS...]      (e.g. a plan file: bash scripts/run-app.sh my.rtplan)
#
# The .deb (Tauri's bundler, from ui/'s npm packages) installs the app with its desktop
# entry, icon and the plan files' MIME type, so double-clicking a .rtplan file opens it;
# the script prints where the package is and how to install it.
# The app keeps its plan store in the OS app-data directory; set ROUNDTABLE_DB to use
# another SQLite file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh

echo "==> Building the UI (ui/dist)"
(cd ui && npm run build)

# Tauri's CLI runs the release cargo build itself (with tauri's custom-protocol
# feature, as packaged apps are built), then packs the binary; it finds
# tauri.conf.json from src-tauri/. tests/package/deb.sh tests the same package,
# made from the debug build.
# The package carries the `roundtable` command line beside the app (/usr/bin/roundtable).
# Built on its own: built together, the packages' features unify differently and the
# whole GTK/WebKit stack is compiled a second time.
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
echo "==> Building the roundtable command line (release)"
cargo build --release -p roundtable-cli
echo "==> Building the app and its .deb (release)"
(cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb --ci \
  --config "$(bash "$ROOT/scripts/deb-with-cli.sh" "$TARGET/release/roundtable")")
DEB="" # the newest, should an older version's package be beside it
for made in "$TARGET"/release/bundle/deb/*.deb; do
  [[ -z "$DEB" || "$made" -nt "$DEB" ]] && DEB="$made"
done
echo "==> The package: $DEB"
[[ "$DEB" == /* ]] || DEB="./$DEB" # apt takes a file only as a path with a slash
echo "    install it with:  sudo apt install $(printf '%q' "$DEB")"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "warning: neither DISPLAY nor WAYLAND_DISPLAY is set; the window may not open." >&2
fi

echo "==> Launching $TARGET/release/roundtable-planner"
exec "$TARGET/release/roundtable-planner" "$@"
