#!/usr/bin/env bash
# Installs what building, running and testing Roundtable Planner needs on Debian/Ubuntu.
# Idempotent: a second run finds everything present and installs nothing.
#
#   bash scripts/setup.sh            # what building and running the app needs, and the E2E tools
#   bash scripts/setup.sh --tests    # also the readers only the tests use: LibreOffice Writer
#                                    # (opens the DOCX exports), xdotool (drives GTK's file dialogs),
#                                    # sqlite3 (damages a plan from outside, as another program would),
#                                    # strace (the crash harness kills the CLI at chosen writes),
#                                    # and the desktop tools the .deb test opens a plan with (xdg-utils,
#                                    # shared-mime-info, desktop-file-utils, libfile-mimeinfo-perl:
#                                    # without it xdg-mime asks `file`, which calls a plan SQLite)
#
# Installs, only when missing:
#   - Debian packages: build tools, WebKitGTK 4.1 headers, Xvfb, WebKitWebDriver, ImageMagick, poppler
#   - cargo/rustc (from apt only as a last resort: Debian's toolchain is older than this project needs)
#   - Node.js and npm (apt)
#   - tauri-driver 2.1.0 (cargo install)
#   - the npm packages of ui/ and tests/e2e/ (npm ci, when node_modules is missing or older
#     than package-lock.json)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FOR_TESTS=0
[[ "${1:-}" == "--tests" ]] && FOR_TESTS=1
TAURI_DRIVER_VERSION="2.1.0"
NODE_MIN="20.19"

say() { printf '[setup] %s\n' "$*"; }
warn() { printf '[setup] WARNING: %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"

SUDO=()
if [[ $EUID -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || die "not root and sudo is not installed; run as root"
  SUDO=(sudo)
fi

apt_missing() { # prints the packages of "$@" that are not installed
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || echo "$pkg"
  done
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install by hand: $*"
  if [[ $APT_UPDATED -eq 0 ]]; then
    say "apt-get update"
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@"
}

version_ge() { # version_ge A B: A >= B (dotted numbers)
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

# --- Debian packages ------------------------------------------------------------
APT_PACKAGES=(
  build-essential pkg-config libwebkit2gtk-4.1-dev
  xvfb xauth webkit2gtk-driver imagemagick poppler-utils
  curl ca-certificates
)
if [[ $FOR_TESTS -eq 1 ]]; then
  APT_PACKAGES+=(libreoffice-writer-nogui libreoffice-calc-nogui xdotool sqlite3 strace
    xdg-utils shared-mime-info desktop-file-utils libfile-mimeinfo-perl)
fi
if command -v dpkg-query >/dev/null 2>&1; then
  mapfile -t missing < <(apt_missing "${APT_PACKAGES[@]}")
  if [[ ${#missing[@]} -gt 0 ]]; then
    apt_install "${missing[@]}"
  else
    say "Debian packages: all present"
  fi
else
  warn "dpkg-query not found: not a Debian/Ubuntu system; install by hand: ${APT_PACKAGES[*]}"
fi

# --- Rust -------------------------------------------------------------------------
if command -v cargo >/dev/null 2>&1; then
  say "Rust: $(cargo --version)"
else
  warn "cargo not found and rustup.rs is not reachable here: installing Debian's cargo and rustc."
  warn "This project needs Rust 1.90 or later (edition 2024); Debian's may be too old to build it."
  apt_install cargo rustc
fi
for tool in fmt clippy; do
  cargo "$tool" --version >/dev/null 2>&1 || warn "cargo $tool is missing (rustup component add $([[ $tool == fmt ]] && echo rustfmt || echo clippy))"
done

# --- Node.js ----------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
NODE_VERSION="$(node --version | sed 's/^v//')"
if version_ge "$NODE_VERSION" "$NODE_MIN"; then
  say "Node.js: v$NODE_VERSION, npm $(npm --version 2>/dev/null)"
else
  warn "Node.js v$NODE_VERSION is older than $NODE_MIN, which Vite 8 and ESLint 10 need; the UI build may fail."
fi

# --- tauri-driver -------------------------------------------------------------------
if command -v tauri-driver >/dev/null 2>&1; then
  say "tauri-driver: $(command -v tauri-driver)"
else
  say "cargo install tauri-driver $TAURI_DRIVER_VERSION"
  cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
fi

# --- npm packages -------------------------------------------------------------------
npm_ci() { # $1: directory; $2...: extra npm ci flags
  local dir="$1"
  shift
  # npm ci rewrites node_modules/.package-lock.json, so it is newer than the lock file
  # whenever node_modules matches it.
  if [[ ! -f "$dir/node_modules/.package-lock.json" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    say "npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund "$@")
  else
    say "npm packages of ${dir#"$ROOT"/}: up to date"
  fi
}
npm_ci "$ROOT/ui"
# webdriverio's optional browser-driver downloads are not needed (tauri-driver + WebKitWebDriver).
npm_ci "$ROOT/tests/e2e" --ignore-scripts

say "done"
