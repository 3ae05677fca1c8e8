#!/usr/bin/env bash
# The e2e suite: Podsmith inside a real VS Code (the VS Code server shipped by the npm package code-server,
# installed on first use into .vscode-e2e/ by scripts/vscode-server.sh), driven by headless Debian Chromium.
#   1. the in-extension-host mocha suite (test/e2e/suite/*.e2e.ts), Podsmith loaded from the repository
#   2. UI checks (test/e2e/ui.mjs): squiggle and Problems panel, screenshot in test-results/problems-panel.png
#   3. the packaged .vsix: installs into the server, and its extension activates on YAML (UI checks without the
#      development path)
#   and the Pod diagram: its webview alone in Chromium (test/e2e/diagram-screenshots.mjs) and its panel in the
#      workbench (test/e2e/diagram-ui.mjs), screenshots in test-results/diagram/
#   and navigation (test/e2e/navigation-ui.mjs): inlay hints on screen, Outline, F12, F2
# Writes {"passed":N,"failed":N,"skipped":N} to $PODSMITH_TEST_COUNTS (test/run-all.mjs reads it).
# Environment: PODSMITH_VSIX (test this .vsix instead of packaging dist/ as it is), PODSMITH_E2E_GREP (in-host
# tests whose title matches), PODSMITH_E2E_TIMEOUT (seconds for the in-host suite, default 300).
# The whole script is one block, read before any of it runs: the file may be edited while a run of it goes on.
{
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 1
# shellcheck source=../../scripts/vscode-server.sh
source "$root/scripts/vscode-server.sh"

started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/podsmith-e2e.XXXXXX")
cleanup() { vs_stop; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0 failed=0 skipped=0
# Adds a phase's counts file (written by host.mjs / ui.mjs) to the totals; a phase without one failed once.
add_counts() {
  local file=$1 status=$2 p f s
  if [ -s "$file" ]; then
    read -r p f s < <(node -e 'const c = require(process.argv[1]); console.log(c.passed | 0, c.failed | 0, c.skipped | 0)' "$file")
  else
    p=0 f=1 s=0
  fi
  [ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}
# A check made by this script itself: counts as one test.
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "  ✔ $name"; return 0; fi
  failed=$((failed + 1)); echo "  ✘ $name"; return 1
}
finish() {
  echo "e2e: $passed passed, $failed failed$([ "$skipped" -gt 0 ] && echo ", $skipped skipped") in $((SECONDS - started)) s"
  [ -n "${PODSMITH_TEST_COUNTS:-}" ] &&
    echo "{\"passed\":$passed,\"failed\":$failed,\"skipped\":$skipped}" >"$PODSMITH_TEST_COUNTS"
  [ "$failed" -eq 0 ]
  exit $?
}

# Stale failure screenshots would point at an old run.
rm -f "$root"/test-results/*-failure.png

check "VS Code server, Chromium and playwright-core are installed" vs_install || finish
echo "e2e: $(vs_version), $("$VS_CHROMIUM" --version 2>/dev/null | head -1) (setup $((SECONDS - started)) s)"

if [ ! -f dist/extension.js ] || [ ! -f dist/server.js ]; then
  node scripts/build.mjs || { check "the extension builds" false; finish; }
fi
# Each run bundles the suite into its own folder: runs of several people in one work tree do not collide.
suite=$work/suite/index.js
check "the in-host suite bundles" node test/e2e/bundle.mjs --out "$suite" >/dev/null || finish

# The Pod diagram's webview alone in Chromium (no server needed): checks and screenshots in test-results/diagram/.
node test/e2e/diagram-screenshots.mjs --counts "$work/diagram.json"
add_counts "$work/diagram.json" $?

# The .vsix: the one named by PODSMITH_VSIX (e.g. from `npm run package`), or packaged now: vsce runs
# vscode:prepublish first, so it holds the production build, as a published one does.
vsix=${PODSMITH_VSIX:-$work/podsmith.vsix}
package_vsix() {
  node node_modules/@vscode/vsce/vsce package --no-dependencies --no-rewrite-relative-links --readme-path docs/marketplace.md --out "$vsix" </dev/null >"$work/vsce.log" 2>&1 ||
    { tail -20 "$work/vsce.log"; return 1; }
}
state=$work/server
install_vsix() {
  local version listed
  version=$(node -p 'require("./package.json").version')
  mkdir -p "$state"
  vs_server_cli --extensions-dir "$state/extensions" --user-data-dir "$state/user-data" \
    --server-data-dir "$state/server-data" --install-extension "$vsix" --force </dev/null >"$work/install.log" 2>&1 ||
    { tail -5 "$work/install.log" | cut -c1-300; return 1; }
  listed=$(vs_server_cli --extensions-dir "$state/extensions" --user-data-dir "$state/user-data" \
    --server-data-dir "$state/server-data" --list-extensions --show-versions </dev/null 2>&1)
  grep -qx "podsmith.podsmith@$version" <<<"$listed" || { echo "    listed: $listed"; return 1; }
}
have_vsix=0
# What the server starts at run time must be in the package (.vscodeignore lists what ships): the server's helper
# thread runs dist/checkThread.js beside dist/server.js, and would silently be missing otherwise.
installed_bundles() {
  local dir missing=0 file
  dir=$(ls -d "$state/extensions"/podsmith.podsmith-* 2>/dev/null | head -1)
  for file in dist/extension.js dist/server.js dist/checkThread.js dist/webview.js; do
    [ -f "$dir/$file" ] || { echo "    missing: $file"; missing=1; }
  done
  return $missing
}
if [ -n "${PODSMITH_VSIX:-}" ] || check "dist/ packages as a .vsix" package_vsix; then
  check "the .vsix ($(du -k "$vsix" | cut -f1) KB) installs into the VS Code server" install_vsix && have_vsix=1
  [ $have_vsix = 1 ] && check "the installed extension holds the client, server, helper thread and webview bundles" installed_bundles
fi

# One server for every phase. Its extensions folder holds the installed .vsix; phases 1 and 2 load the
# repository as the development extension, which takes precedence over the installed copy of the same id.
port=$(vs_free_port)
check "the VS Code server starts on 127.0.0.1:$port" vs_start "$port" "$state" --enable-smoke-test-driver || finish

echo "e2e: in-extension-host suite"
node test/e2e/host.mjs --base "$VS_URL" --suite "$suite" --counts "$work/host.json"
add_counts "$work/host.json" $?

node test/e2e/ui.mjs --base "$VS_URL" --mode dev --counts "$work/ui.json"
add_counts "$work/ui.json" $?

node test/e2e/diagram-ui.mjs --base "$VS_URL" --counts "$work/diagram-ui.json"
add_counts "$work/diagram-ui.json" $?

node test/e2e/navigation-ui.mjs --base "$VS_URL" --counts "$work/navigation-ui.json"
add_counts "$work/navigation-ui.json" $?

if [ "$have_vsix" -eq 1 ]; then
  node test/e2e/ui.mjs --base "$VS_URL" --mode installed --counts "$work/installed.json"
  add_counts "$work/installed.json" $?
fi

if [ "$failed" -gt 0 ]; then
  echo "e2e: server log (last lines):"
  tail -15 "$state/server.log" | sed 's/^/    /'
  cp "$state/server.log" "$root/test-results/e2e-server.log" 2>/dev/null || true
fi
finish
exit
}
