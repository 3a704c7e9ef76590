# Sourced by the npm scripts: installs what is missing and sets up an offline Pulumi toolchain.
# - npm dependencies (`npm ci`) when node_modules is missing or older than package-lock.json;
# - Node 22 (the `node` dev dependency) first on PATH;
# - the Pulumi CLI and language host (scripts/ensure-pulumi.sh) next on PATH;
# - no update checks, no plugin downloads.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -x "$repo/node_modules/.bin/node" ] || [ "$repo/package-lock.json" -nt "$repo/node_modules/.package-lock.json" ]; then
    echo "installing npm dependencies" >&2
    (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
export PATH="$repo/node_modules/.bin:$PATH"
PULUMI_DIR="$(bash "$repo/scripts/ensure-pulumi.sh" | tail -n 1)"
export PULUMI_DIR
export PATH="$PULUMI_DIR:$PATH"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
