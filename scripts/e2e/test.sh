#!/usr/bin/env bash
# npm run test:e2e — the end-to-end tests against a real n8n 2.41.1 (Node 24), from the npm registry.
#
#   npm run test:e2e                      # every suite in test/e2e/*.e2e.test.ts
#   npm run test:e2e -- -t "trigger"      # extra arguments go to jest
#   E2E_UPDATE_DOCS_IMAGES=1 npm run test:e2e   # also refresh the README screenshots in docs/images/
#
# Steps: prepare n8n (scripts/e2e/prepare-n8n.sh; cached after the first run), build the package, then
# jest (jest.e2e.config.js, one suite at a time). Each suite installs the packed package into its own
# fresh n8n user folder as a community package, starts its own n8n on free 127.0.0.1 ports and stops
# it (and the simulator, and Chromium) in afterAll. Artifacts: artifacts/e2e/ (e2e.log, screenshots).
set -uo pipefail
cd "$(dirname "$0")/../.."

T0=$(date +%s.%N)
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
LOG=artifacts/e2e/e2e.log

T=$(date +%s.%N)
bash scripts/e2e/prepare-n8n.sh || exit 1
T_PREPARE=$(since "$T")

T=$(date +%s.%N)
npm run build --silent || exit 1
T_BUILD=$(since "$T")

mkdir -p artifacts/e2e
rm -f "$LOG"
T=$(date +%s.%N)
npx jest -c jest.e2e.config.js --runInBand --ci "$@"
RC=$?
T_JEST=$(since "$T")

echo
echo "=== e2e log ($LOG): what real n8n ran"
cat "$LOG" 2>/dev/null || echo "(empty)"
echo
echo "e2e: prepare ${T_PREPARE}s, build ${T_BUILD}s, jest ${T_JEST}s; total $(since "$T0")s (jest exit code $RC)"
exit $RC
