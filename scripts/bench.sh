#!/usr/bin/env bash
# npm run bench: builds and packs the package (the engine scenario installs the tarball), then runs
# bench/main.ts. Extra arguments go to it, e.g. `npm run bench -- --seed 2 --no-engine`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo"
bash scripts/pack.sh >/dev/null
exec node dist/bench/main.js "$@"
