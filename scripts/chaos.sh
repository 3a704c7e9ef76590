#!/usr/bin/env bash
# npm run chaos: builds, then runs the chaos run (chaos/main.ts). `npm run chaos -- --seed N` replays a run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo"
npx tsc -p tsconfig.json
exec node dist/bench/chaos/main.js "$@"
