#!/usr/bin/env bash
# npm run demo: starts the ECS task simulator, runs `pulumi up` of the example
# (examples/import-image, via the top-level Pulumi.yaml) against it on a throwaway local
# backend, prints the stack outputs as JSON, destroys the stack and stops the simulator.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo"
bash scripts/pack.sh >/dev/null
bash scripts/install-program.sh examples/import-image

work="$(mktemp -d)"
sim_pid=""
cleanup() {
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

node dist/simulator/cli.js --port 0 --task-duration "${DEMO_TASK_DURATION:-8s}" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do [ -s "$work/sim.out" ] && break; sleep 0.1; done
endpoint="$(head -n 1 "$work/sim.out")"
[ -n "$endpoint" ] || { cat "$work/sim.err" >&2; echo "demo: the simulator did not start" >&2; exit 1; }
echo "demo: simulator at $endpoint" >&2

export PULUMI_BACKEND_URL="file://$work/state" PULUMI_CONFIG_PASSPHRASE=""
mkdir -p "$work/state"
stack=demo
pulumi stack init "$stack" --non-interactive >&2
pulumi config set -s "$stack" apsara:endpoint "$endpoint"
pulumi config set -s "$stack" apsara:apiStyle route
pulumi config set -s "$stack" apsara:accessKeyId sim-access-key-id
pulumi config set -s "$stack" --secret apsara:accessKeySecret sim-access-key-secret
pulumi up -s "$stack" --yes --non-interactive --skip-preview >&2
pulumi stack output -s "$stack" --json
pulumi destroy -s "$stack" --yes --non-interactive --skip-preview >&2
pulumi stack rm -s "$stack" --yes >&2
