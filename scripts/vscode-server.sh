#!/usr/bin/env bash
# The VS Code server (from the npm package code-server) that `npm start` and the e2e suite run Podsmith in.
# Everything it needs is installed on first use into the git-ignored .vscode-e2e/ of the repo, never into the
# project's own package.json (code-server is ~300 MB with native builds).
#
#   bash scripts/vscode-server.sh install   install what is missing (Debian packages, code-server, playwright-core)
#   bash scripts/vscode-server.sh version   print the VS Code version the server runs
#
# Or `source` it for the functions: vs_install, vs_version, vs_free_port, vs_start, vs_stop, vs_server_cli.
# Settings (environment): PODSMITH_E2E_HOME (install folder), PODSMITH_CODE_SERVER (version), PODSMITH_PLAYWRIGHT.

VS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VS_HOME=${PODSMITH_E2E_HOME:-$VS_ROOT/.vscode-e2e}
VS_CODE_SERVER_VERSION=${PODSMITH_CODE_SERVER:-4.100.3} # the newest code-server that runs on Node 20
VS_PLAYWRIGHT_VERSION=${PODSMITH_PLAYWRIGHT:-1.65.1}
VS_DEBIAN_PACKAGES=(chromium libkrb5-dev ripgrep build-essential pkg-config python3)
VS_CHROMIUM=${PODSMITH_CHROMIUM:-/usr/bin/chromium}
VS_MAIN="$VS_HOME/node_modules/code-server/lib/vscode/out/server-main.js"
# No extension gallery: nothing here may reach the network (code-server would ask open-vsx.org).
export EXTENSIONS_GALLERY=${EXTENSIONS_GALLERY:-'{}'}

vs_log() { echo "[vscode-server] $*" >&2; }

# Version of an installed npm package in $VS_HOME, or nothing.
vs_installed_version() {
  node -e 'try { console.log(require(process.argv[1]).version) } catch { }' \
    "$VS_HOME/node_modules/$1/package.json"
}

vs_install_debian() {
  local missing=() p
  for p in "${VS_DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { vs_log "missing Debian packages (${missing[*]}) and not root"; return 1; }
    sudo=(sudo -n)
  fi
  vs_log "installing Debian packages: ${missing[*]}"
  local log="${TMPDIR:-/tmp}/podsmith-apt.log"
  if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" \
      apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1 </dev/null; then
    tail -30 "$log" >&2; vs_log "apt-get failed (log: $log)"; return 1
  fi
}

# @vscode/ripgrep (1.15.11, pinned by code-server 4.100.3) downloads rg from GitHub in its postinstall, which
# cannot be reached here: put Debian's rg into its download cache under the name it looks for.
vs_seed_ripgrep_cache() {
  local cache rg
  cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
  rg=$(command -v rg) || { vs_log "rg not found"; return 1; }
  mkdir -p "$cache"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$rg")" rg
}

vs_install_npm() {
  if [ -f "$VS_MAIN" ] && [ "$(vs_installed_version code-server)" = "$VS_CODE_SERVER_VERSION" ] \
      && [ "$(vs_installed_version playwright-core)" = "$VS_PLAYWRIGHT_VERSION" ]; then
    return 0
  fi
  vs_log "installing code-server@$VS_CODE_SERVER_VERSION and playwright-core@$VS_PLAYWRIGHT_VERSION into $VS_HOME (a minute or two)"
  vs_seed_ripgrep_cache || return 1
  [ -f "$VS_HOME/package.json" ] || echo '{ "private": true, "description": "VS Code server for Podsmith e2e tests (git-ignored)" }' >"$VS_HOME/package.json"
  # As root npm would drop privileges for install scripts; node-pty's build asks to fetch node-gyp through npx.
  if ! (cd "$VS_HOME" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false \
      npm install --no-audit --no-fund --loglevel=error \
      "code-server@$VS_CODE_SERVER_VERSION" "playwright-core@$VS_PLAYWRIGHT_VERSION" >install.log 2>&1 </dev/null); then
    tail -40 "$VS_HOME/install.log" >&2; vs_log "npm install failed (log: $VS_HOME/install.log)"; return 1
  fi
  [ -f "$VS_MAIN" ] || { vs_log "install finished but $VS_MAIN is missing"; return 1; }
}

# Installs whatever is missing. Safe to run concurrently (npm start beside a test run): the npm part holds a lock.
vs_install() {
  vs_install_debian || return 1
  [ -x "$VS_CHROMIUM" ] || { vs_log "no Chromium at $VS_CHROMIUM"; return 1; }
  mkdir -p "$VS_HOME"
  (
    if command -v flock >/dev/null; then flock -w 900 9 || { vs_log "timed out waiting for another install"; exit 1; }; fi
    vs_install_npm
  ) 9>"$VS_HOME/.install.lock"
}

# "VS Code 1.100.3 (code-server 4.100.3)"
vs_version() {
  node -e '
    const dir = process.argv[1];
    let v; try { v = require(dir + "/lib/vscode/package.json").version } catch { v = require(dir + "/lib/vscode/product.json").version }
    console.log(`VS Code ${v} (code-server ${require(dir + "/package.json").version})`);
  ' "$VS_HOME/node_modules/code-server"
}

# A TCP port free on 127.0.0.1 right now; with an argument, that port if free, else the next free one above it.
vs_free_port() {
  node -e '
    const net = require("net");
    const first = Number(process.argv[1] || 0);
    const tryPort = (p) => {
      const s = net.createServer();
      s.once("error", () => (first && p < first + 100 ? tryPort(p + 1) : process.exit(1)));
      s.listen(p, "127.0.0.1", () => { const { port } = s.address(); s.close(() => console.log(port)); });
    };
    tryPort(first);
  ' "${1:-0}"
}

# The server's own command line (install/list extensions): vs_server_cli --extensions-dir DIR --install-extension X
vs_server_cli() {
  node "$VS_MAIN" --accept-server-license-terms "$@"
}

# vs_start PORT STATE_DIR [extra server args...]
# Starts the server in its own session (so that vs_stop can end it with every helper process it spawned), keeps
# its state (user data, extensions) under STATE_DIR, logs to STATE_DIR/server.log, and waits until it answers.
# Sets VS_PGID and VS_URL.
vs_start() {
  local port=$1 state=$2; shift 2
  mkdir -p "$state/user-data/User"
  # A quiet profile: no welcome page, no prompts about the repository around examples/, no gallery look-ups.
  [ -f "$state/user-data/User/settings.json" ] || cat >"$state/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "files.autoSave": "off",
  "workbench.tips.enabled": false,
  "git.openRepositoryInParentFolders": "never",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none"
}
JSON
  rm -f "$state/server.pid"
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$state/server.pid" \
    node "$VS_MAIN" --host 127.0.0.1 --port "$port" --without-connection-token --accept-server-license-terms \
    --disable-telemetry --disable-workspace-trust --user-data-dir "$state/user-data" \
    --server-data-dir "$state/server-data" --extensions-dir "$state/extensions" "$@" \
    >"$state/server.log" 2>&1 </dev/null &
  local i
  for i in $(seq 1 50); do [ -s "$state/server.pid" ] && break; sleep 0.1; done
  VS_PGID=$(cat "$state/server.pid" 2>/dev/null)
  VS_URL="http://127.0.0.1:$port"
  for i in $(seq 1 300); do
    if [ -z "$VS_PGID" ] || ! kill -0 "$VS_PGID" 2>/dev/null; then
      tail -30 "$state/server.log" >&2; vs_log "server exited during startup"; return 1
    fi
    node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$VS_URL/" && return 0
    sleep 0.2
  done
  tail -30 "$state/server.log" >&2; vs_log "server did not answer at $VS_URL"; vs_stop; return 1
}

# Ends the server started by vs_start and every process of its group.
vs_stop() {
  [ -n "${VS_PGID:-}" ] || return 0
  kill -TERM -- "-$VS_PGID" 2>/dev/null || { VS_PGID=; return 0; }
  local i
  for i in $(seq 1 50); do kill -0 -- "-$VS_PGID" 2>/dev/null || { VS_PGID=; return 0; }; sleep 0.1; done
  kill -KILL -- "-$VS_PGID" 2>/dev/null || true
  VS_PGID=
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    install) vs_install && vs_log "ready: $(vs_version)" ;;
    version) vs_version ;;
    *) echo "usage: bash scripts/vscode-server.sh install|version" >&2; exit 2 ;;
  esac
fi
