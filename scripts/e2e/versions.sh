# Sourced by the other scripts in scripts/e2e: pinned versions and cache locations.
# E2E_CACHE_DIR may be set beforehand to keep the (3+ GB) n8n install outside the clone,
# e.g. on CI machines that are reused between clones.
E2E_NODE_VERSION="${E2E_NODE_VERSION:-24.22.3}"
E2E_N8N_VERSION="${E2E_N8N_VERSION:-2.41.1}"
E2E_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_CACHE_DIR="${E2E_CACHE_DIR:-$E2E_REPO_ROOT/.cache/n8n}"
