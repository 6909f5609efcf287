#!/usr/bin/env bash
# Install a built community-node package into the e2e n8n, the way a user gets it:
# `npm pack` (no scripts, nothing built here) and unpack the tarball.
#
#   bash scripts/e2e/install-package.sh [--clean] [--community|--custom] [PACKAGE_DIR]   # default: the repo root
#
# Where it goes (E2E_PACKAGE_MODE from env.sh, overridden by --community / --custom):
#   community (default)  $N8N_USER_FOLDER/.n8n/nodes/node_modules/<package-name>, as n8n's Community Nodes
#                        panel installs it (CommunityPackagesService.downloadPackage in n8n 2.41: `npm pack`,
#                        untar, drop dev/peer/optional dependencies from package.json, add the package to
#                        .n8n/nodes/package.json). n8n 2.41 scans that folder at start
#                        (scanDirectoryForPackages, `n8n-nodes-*`): node types `<package-name>.<nodeName>`,
#                        e.g. n8n-nodes-suno.sunoMusic. Unlike a panel install there is no row in n8n's
#                        installed_packages table, so Settings → Community Nodes does not list it.
#   custom               $N8N_CUSTOM_EXTENSIONS/<package-name>, loaded as CUSTOM.<nodeName>.
#
# --clean empties the target folder first (every package in it is loaded by n8n).
#
# The package must already be built (dist/ present); the result is <folder>/<package-name>/{package.json,dist/...}
# with no node_modules. Any previous copy of the same package is replaced. The user folder must exist
# before n8n starts; with `source env.sh --fresh` install after sourcing, or the package is wiped too.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=./env.sh
source "$SCRIPT_DIR/env.sh"

CLEAN=0
MODE="$E2E_PACKAGE_MODE"
while [ $# -gt 0 ]; do
  case "$1" in
    --clean) CLEAN=1; shift ;;
    --community) MODE=community; shift ;;
    --custom) MODE=custom; shift ;;
    *) break ;;
  esac
done
if [ "$MODE" = custom ]; then TARGET="$E2E_EXT_DIR"; else TARGET="$E2E_COMMUNITY_DIR"; fi
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
if [ "$MODE" = custom ]; then
  DEST="$TARGET/${NAME//\//__}"   # scoped names (@a/b) become a single folder
else
  DEST="$TARGET/$NAME"             # node_modules layout: @scope/name
fi

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

if [ "$MODE" = community ]; then
  # What the Community Nodes panel does after untarring: keep only runtime dependencies (this package
  # has none, and n8n-workflow comes from n8n itself through NODE_PATH), and record the package in the
  # nodes folder's package.json.
  node -e '
    const fs = require("fs");
    const [pkgFile, nodesDir] = process.argv.slice(1);
    const { devDependencies, peerDependencies, optionalDependencies, ...p } = JSON.parse(fs.readFileSync(pkgFile, "utf8"));
    if (Object.keys(p.dependencies ?? {}).length) { console.error("install-package: runtime dependencies are not installed here: " + Object.keys(p.dependencies).join(", ")); process.exit(1); }
    fs.writeFileSync(pkgFile, JSON.stringify(p, null, 2));
    const rootFile = nodesDir + "/package.json";
    const root = fs.existsSync(rootFile) ? JSON.parse(fs.readFileSync(rootFile, "utf8")) : { name: "installed-nodes", private: true };
    root.dependencies = { ...(root.dependencies ?? {}), [p.name]: p.version };
    fs.writeFileSync(rootFile, JSON.stringify(root, null, 2));
  ' "$SRC/package.json" "$(dirname "$TARGET")"
fi

mkdir -p "$TARGET"
if [ "$CLEAN" = 1 ]; then
  find "$TARGET" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
fi
rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
mv "$SRC" "$DEST"

D=$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "install-package: $TGZ_NAME -> $DEST ($MODE, ${D}s)"
