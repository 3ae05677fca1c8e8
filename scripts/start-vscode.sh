#!/usr/bin/env bash
# `npm start`: VS Code in the browser with Podsmith loaded from this repository and examples/ open.
# Installs what is missing on first use (scripts/vscode-server.sh), starts the VS Code server on 127.0.0.1, prints
# the URL to open, and runs until Ctrl+C. Port: $PORT, else 8080 or the next free port above it.
# The workbench state (open editors, settings) is kept in .vscode-e2e/start/ between runs.
# Run `npm run watch` beside it and reload the window (Developer: Reload Window) to pick up changes.
# The whole script is one block, read before any of it runs: the file may be edited while a run of it goes on.
{
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=./vscode-server.sh
source "$root/scripts/vscode-server.sh"

vs_install
[ -f "$root/dist/extension.js" ] || node "$root/scripts/build.mjs"

if [ -n "${PORT:-}" ]; then
  port=$(vs_free_port "$PORT")
  [ "$port" = "$PORT" ] || { echo "port $PORT is in use; choose another with PORT=..." >&2; exit 1; }
else
  port=$(vs_free_port 8080) || { echo "no free port from 8080 on" >&2; exit 1; }
fi

trap 'vs_stop' EXIT
trap 'echo; echo "stopping the VS Code server"; exit 0' INT TERM
vs_start "$port" "$VS_HOME/start" --default-folder "$root/examples"

url=$(node --input-type=module -e '
  import { workbenchUrl } from "./test/e2e/browser.mjs";
  console.log(workbenchUrl(process.argv[1], { extensionDevelopmentPath: process.cwd() }));
' "$VS_URL" 2>/dev/null) || url=$VS_URL
cat <<EOF

  Podsmith in $(vs_version), examples/ open:

    $url

  (The plain $VS_URL/ opens examples/ without Podsmith: the extension is loaded through the URL above.)
  Server log: ${VS_HOME#"$root/"}/start/server.log. Press Ctrl+C to stop.

EOF
while kill -0 "$VS_PGID" 2>/dev/null; do sleep 1; done
echo "the VS Code server exited; see ${VS_HOME#"$root/"}/start/server.log" >&2
exit 1
}
