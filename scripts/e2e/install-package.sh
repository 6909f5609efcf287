#!/usr/bin/env bash
# Install a built community-node package into the e2e extensions folder, the way a user gets it:
# `npm pack` (no scripts, nothing built here) and unpack the tarball.
#
#   bash scripts/e2e/install-package.sh [--clean] [PACKAGE_DIR]     # default: the repo root
#
# --clean empties the extensions folder first (every package in it is loaded by n8n).
#
# The package must already be built (dist/ present). The result is
#   $N8N_CUSTOM_EXTENSIONS/<package-name>/{package.json,dist/...}   (no node_modules)
# which n8n loads as CUSTOM.<nodeName> types. Any previous copy of the same package is replaced.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=./env.sh
source "$SCRIPT_DIR/env.sh"

CLEAN=0
if [ "${1:-}" = "--clean" ]; then CLEAN=1; shift; fi
PKG_DIR="$(cd "${1:-$E2E_REPO_ROOT}" && pwd)"
[ -f "$PKG_DIR/package.json" ] || { echo "install-package: no package.json in $PKG_DIR" >&2; exit 1; }

T0=$(date +%s.%N)
TMP="$(mktemp -d "${TMPDIR:-/tmp}/e2e-pack.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# Use the system npm: packing needs no particular Node. --ignore-scripts: no prepack/prepare build.
TGZ_NAME=$(cd "$PKG_DIR" && npm pack --ignore-scripts --silent --pack-destination "$TMP" | tail -n1)
TGZ="$TMP/$TGZ_NAME"
[ -f "$TGZ" ] || { echo "install-package: npm pack produced no tarball" >&2; exit 1; }

mkdir -p "$TMP/unpacked"
tar -xzf "$TGZ" -C "$TMP/unpacked"
SRC="$TMP/unpacked/package"
NAME=$(node -e "process.stdout.write(require(process.argv[1]).name)" "$SRC/package.json")
DEST="$N8N_CUSTOM_EXTENSIONS/${NAME//\//__}"   # scoped names (@a/b) become a single folder

if [ -d "$SRC/node_modules" ]; then
  echo "install-package: the tarball contains node_modules (bundled deps?); removing it" >&2
  rm -rf "$SRC/node_modules"
fi
node -e '
  const p = require(process.argv[1]);
  const files = [...(p.n8n?.nodes ?? []), ...(p.n8n?.credentials ?? [])];
  if (!files.length) { console.error("install-package: package.json has no n8n.nodes/credentials"); process.exit(1); }
  const fs = require("fs"), path = require("path");
  const missing = files.filter((f) => !fs.existsSync(path.join(path.dirname(process.argv[1]), f)));
  if (missing.length) { console.error("install-package: missing in tarball (not built?): " + missing.join(", ")); process.exit(1); }
' "$SRC/package.json"

if [ "$CLEAN" = 1 ]; then
  find "$N8N_CUSTOM_EXTENSIONS" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
fi
rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
mv "$SRC" "$DEST"

D=$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "install-package: $TGZ_NAME -> $DEST (${D}s)"
