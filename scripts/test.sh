#!/usr/bin/env bash
# npm test: installs what is missing, builds and packs the package, runs every test (unit,
# integration against the simulator over HTTP, end-to-end through the real Pulumi CLI).
# Extra arguments go to mocha, e.g. `npm test -- --grep signature`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo"
bash scripts/pack.sh >/dev/null
exec mocha --config .mocharc.json "$@"
