#!/usr/bin/env bash
# Prints the Tauri configuration, merged into src-tauri/tauri.conf.json with the
# bundler's --config, that puts the `roundtable` command line built at PATH into
# the .deb as /usr/bin/roundtable. The path differs between the release package
# (run-app.sh) and the debug one (test.sh), and a JSON file cannot hold both.
#
#   scripts/deb-with-cli.sh PATH
set -euo pipefail
CLI="${1:?usage: deb-with-cli.sh PATH-TO-THE-BUILT-roundtable}"
[[ -x "$CLI" ]] || { echo "deb-with-cli.sh: the command line is not built at $CLI" >&2; exit 1; }
# A JSON string: backslashes and quotes escaped (a path holds no control characters).
ESCAPED="${CLI//\\/\\\\}"
ESCAPED="${ESCAPED//\"/\\\"}"
printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/roundtable":"%s"}}}}}\n' "$ESCAPED"
