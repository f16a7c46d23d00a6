#!/usr/bin/env bash
# Tests the .deb that Tauri's bundler makes (issue 10, "Installable"): what a user
# gets from `apt install ./….deb` must open a plan when the plan is double-clicked.
# A file manager's double-click is `xdg-open FILE`: the shared MIME database names
# the file's type from the *.rtplan glob, mimeapps.list names the desktop entry for
# that type, and the entry's Exec runs the app with the file. So this test
#   1. reads the package with dpkg-deb: the desktop entry (Name, Exec with a file
#      field code, MimeType, Icon), the MIME XML (parsed by update-mime-database
#      into a scratch database), the app (executable, its libraries found) and the
#      `roundtable` command line beside it;
#   2. installs it (as root or with sudo; skipped with a message when neither can),
#      makes it the default for application/x-roundtable-plan, runs `xdg-open` on a
#      plan made by the installed `roundtable` command line under its own Xvfb, and checks that the
#      installed binary came up on that plan: the window's title names it, and the
#      process's command line holds its path; a screenshot goes to the artifacts;
#   3. closes the app and removes the package (unless it was installed before).
# HOME and the XDG folders point into a temporary folder: nothing is written in the
# user's real data, configuration or mimeapps.list.
#
#   tests/package/deb.sh [DEB]     (default: the newest target/debug/bundle/deb/*.deb)
#
# Environment:
#   E2E_ARTIFACTS    where the screenshot goes (default tests/e2e/artifacts)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MIME_TYPE="application/x-roundtable-plan"
PACKAGE="roundtable-planner"
BINARY="roundtable-planner"
PLAN_NAME="Bangkok dialogue" # a space, as in a plan a person names
TITLE="$PLAN_NAME — Events — Roundtable Planner" # ui/src/features/plan/windowTitle.ts

log() { printf '[deb] %s\n' "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

DEB="${1:-}"
if [[ -z "$DEB" ]]; then
  for made in "$ROOT"/target/debug/bundle/deb/*.deb; do
    [[ -z "$DEB" || "$made" -nt "$DEB" ]] && DEB="$made"
  done
fi
[[ -f "$DEB" ]] || die "no .deb found (make one: cd src-tauri && ../ui/node_modules/.bin/tauri bundle --debug --bundles deb --ci)"
DEB="$(realpath -- "$DEB")"
ARTIFACTS="${E2E_ARTIFACTS:-$ROOT/tests/e2e/artifacts}"
mkdir -p "$ARTIFACTS"

TMP="$(mktemp -d)"
XVFB_PID=""
OPENER_PID=""
APP_PID=""
REMOVE_PACKAGE=0
SUDO=()

# Ends a process this test started (SIGTERM, then SIGKILL after 10 s); it need not
# be a child of this shell (the app is xdg-open's).
stop() {
  local pid="$1"
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  stop "$APP_PID"
  stop "$OPENER_PID"
  stop "$XVFB_PID"
  if [[ $REMOVE_PACKAGE -eq 1 ]]; then
    log "removing the package"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get -o DPkg::Lock::Timeout=600 remove -y -qq "$PACKAGE" >"$TMP/remove.log" 2>&1 \
      || { log "could not remove $PACKAGE:"; cat "$TMP/remove.log" >&2; }
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# --- 1. what the package holds ---------------------------------------------------
log "package: $DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb --info "$DEB" >"$TMP/info"
grep -qx " Package: $PACKAGE" "$TMP/info" || die "the package is not called $PACKAGE: $(cat "$TMP/info")"
grep -q "^ Depends:.*libwebkit2gtk-4.1-0" "$TMP/info" || die "the package does not depend on WebKitGTK 4.1"
dpkg-deb --contents "$DEB" >"$TMP/contents"
PKG="$TMP/package"
dpkg-deb -x "$DEB" "$PKG"

shopt -s nullglob
ENTRIES=("$PKG"/usr/share/applications/*.desktop)
shopt -u nullglob
[[ ${#ENTRIES[@]} -eq 1 ]] || die "expected one desktop entry, found ${#ENTRIES[@]}"
ENTRY="${ENTRIES[0]}"
DESKTOP_ID="$(basename -- "$ENTRY")"
entry_has() { grep -qxE "$1" "$ENTRY" || die "the desktop entry has no line $1: $(cat "$ENTRY")"; }
entry_has 'Type=Application'
entry_has 'Name=Roundtable Planner'
entry_has "Exec=$BINARY %[fFuU]" # a field code: the launcher passes the file
entry_has "MimeType=([^;]+;)*$MIME_TYPE;([^;]+;)*"
entry_has "Icon=$BINARY"
desktop-file-validate "$ENTRY" || die "desktop-file-validate rejects $DESKTOP_ID"
[[ -f "$PKG/usr/share/icons/hicolor/128x128/apps/$BINARY.png" ]] || die "no 128×128 icon named $BINARY"

MIME_XML="$PKG/usr/share/mime/packages/roundtable-planner.xml"
[[ -f "$MIME_XML" ]] || die "no MIME description at /usr/share/mime/packages/roundtable-planner.xml"
mkdir -p "$TMP/mime/packages"
cp "$MIME_XML" "$TMP/mime/packages/"
XDG_DATA_DIRS="$TMP" update-mime-database "$TMP/mime" 2>"$TMP/mime.log" || die "update-mime-database rejects the XML: $(cat "$TMP/mime.log")"
[[ ! -s "$TMP/mime.log" ]] || die "update-mime-database warns about the XML: $(cat "$TMP/mime.log")"
grep -qx "50:$MIME_TYPE:\*\.rtplan" "$TMP/mime/globs2" || die "the XML does not map *.rtplan to $MIME_TYPE"
grep -qx "$MIME_TYPE application/vnd.sqlite3" "$TMP/mime/subclasses" || die "the type is not a sub-class of SQLite's"
grep -q "<comment>..*</comment>" "$MIME_XML" || die "the type has no comment (what file managers show)"

APP_BIN="$PKG/usr/bin/$BINARY"
[[ -f "$APP_BIN" && -x "$APP_BIN" ]] || die "usr/bin/$BINARY is missing or not executable"
if ldd "$APP_BIN" | grep -F "not found"; then die "libraries of $BINARY are missing (above)"; fi
[[ -f "$PKG/usr/bin/roundtable" && -x "$PKG/usr/bin/roundtable" ]] || die "usr/bin/roundtable (the command line) is missing or not executable"
log "contents: desktop entry \"$DESKTOP_ID\", MIME type, icons, the app and the command line are as expected"

# --- 2. installed, a plan opened as a double-click opens it ----------------------
if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo)
  else
    log "SKIPPED the install and xdg-open check: not root and no password-less sudo"
    exit 0
  fi
fi
if dpkg-query -W -f='${Status}\n' "$PACKAGE" 2>/dev/null | grep -q '^install ok installed$'; then
  log "$PACKAGE was installed before this test: it is replaced by this build and left installed"
else
  REMOVE_PACKAGE=1
fi
log "installing"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$DEB" >"$TMP/install.log" 2>&1 \
  || die "apt-get install failed: $(cat "$TMP/install.log")"

# dpkg's triggers of shared-mime-info and desktop-file-utils update the system's
# databases: what a user's desktop reads after the install.
grep -qx "50:$MIME_TYPE:\*\.rtplan" /usr/share/mime/globs2 || die "the system MIME database does not know *.rtplan"
grep -q "^$MIME_TYPE=.*$DESKTOP_ID" /usr/share/applications/mimeinfo.cache \
  || die "the desktop database does not list $DESKTOP_ID for $MIME_TYPE"

# A user of our own: nothing of the test reaches the real home.
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share" XDG_CONFIG_HOME="$TMP/home/.config"
export XDG_CACHE_HOME="$TMP/home/.cache" XDG_DATA_DIRS="/usr/local/share:/usr/share"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
# No desktop session: xdg-open takes its generic path (MIME database, mimeapps.list).
unset ROUNDTABLE_DB ROUNDTABLE_TEST_DIALOG_DIR XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION \
  GNOME_DESKTOP_SESSION_ID WAYLAND_DISPLAY BROWSER

PLAN="$TMP/plans/$PLAN_NAME.rtplan"
mkdir -p "$TMP/plans"
# The installed command line makes the plan and checks it, as an organiser's script would.
/usr/bin/roundtable --db "$PLAN" example load >/dev/null || die "the installed roundtable could not make the plan"
/usr/bin/roundtable --db "$PLAN" plan check >/dev/null || die "the installed roundtable finds the plan it made unsound"
xdg-mime default "$DESKTOP_ID" "$MIME_TYPE"
[[ "$(xdg-mime query filetype "$PLAN")" == "$MIME_TYPE" ]] \
  || die "xdg-mime calls the plan $(xdg-mime query filetype "$PLAN"), not $MIME_TYPE"
[[ "$(xdg-mime query default "$MIME_TYPE")" == "$DESKTOP_ID" ]] || die "the app is not the default for $MIME_TYPE"

# Our own X server, even under a desktop: the app opens on no one's screen.
# -noreset: an X server resets when its last client leaves (here, the xdotool below
# that waits for it), and a client that connects during the reset is refused.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$TMP/display" </dev/null >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do [[ -s "$TMP/display" ]] && break; sleep 0.1; done
[[ -s "$TMP/display" ]] || die "Xvfb did not start: $(cat "$TMP/xvfb.log")"
DISPLAY=":$(head -n1 "$TMP/display")"
export DISPLAY
# The display number comes before the server takes connections on every machine:
# wait until it answers (a CI run once had xdotool find no display at all).
for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null 2>&1 \
  || die "Xvfb on $DISPLAY takes no connection: $(cat "$TMP/xvfb.log")"

log "xdg-open \"$PLAN\" on $DISPLAY"
xdg-open "$PLAN" >"$TMP/xdg-open.log" 2>&1 &
OPENER_PID=$!
# Searched again every half second rather than with --sync, which gives up at the
# first display it cannot open (a CI run on 2026-12-07 failed so, on a display that
# had answered a moment before).
WINDOW=""
for _ in $(seq 180); do
  WINDOW="$(xdotool search --name "^$TITLE\$" 2>>"$TMP/xdotool.log" | head -n1)" || true
  [[ -n "$WINDOW" ]] && break
  sleep 0.5
done
if [[ -z "$WINDOW" ]]; then
  kill -0 "$XVFB_PID" 2>/dev/null && XVFB_STATE="running" || XVFB_STATE="gone"
  die "no window titled \"$TITLE\" within 90 s; xdg-open said: $(cat "$TMP/xdg-open.log");" \
    "xdotool said: $(sort -u "$TMP/xdotool.log"); Xvfb ($XVFB_STATE) said: $(cat "$TMP/xvfb.log")"
fi
APP_PID="$(xdotool getwindowpid "$WINDOW")"
[[ "$(readlink "/proc/$APP_PID/exe")" == "/usr/bin/$BINARY" ]] \
  || die "the window belongs to $(readlink "/proc/$APP_PID/exe"), not the installed /usr/bin/$BINARY"
tr '\0' '\n' <"/proc/$APP_PID/cmdline" | grep -qxF "$PLAN" || die "the app's command line does not hold the plan's path"
[[ -d "$XDG_DATA_HOME/org.roundtable.planner" ]] || die "the app did not keep its data in the test's XDG_DATA_HOME"
[[ -d "$XDG_DATA_HOME/org.roundtable.planner/logs" ]] || die "the app keeps no log in its own folder"
[[ ! -e "$TMP/plans/logs" ]] || die "the app wrote its log beside the plan it opened"
# The title is set before the plan's events are painted: wait until the screen is
# more than the page's background (a blank window has a handful of colours).
SHOT="$ARTIFACTS/deb-xdg-open.png"
for _ in $(seq 60); do
  import -display "$DISPLAY" -window root "$SHOT"
  [[ "$(convert "$SHOT" -format %k info:)" -gt 64 ]] && break
  sleep 0.5
done
[[ "$(convert "$SHOT" -format %k info:)" -gt 64 ]] || die "the window stayed blank for 30 s (see $SHOT)"
log "the installed app opened \"$PLAN_NAME\" (window \"$TITLE\"); screenshot: ${ARTIFACTS#"$ROOT"/}/deb-xdg-open.png"

# --- 3. close ----------------------------------------------------------------------
stop "$APP_PID"
APP_PID=""
stop "$OPENER_PID"
OPENER_PID=""
log "passed"
