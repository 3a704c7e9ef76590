#!/usr/bin/env bash
# Installs a Pulumi program's dependencies, with this package as a fresh copy of
# .build/pulumi-ecs-image-task.tgz (run scripts/pack.sh first).
# Usage: scripts/install-program.sh DIR
set -euo pipefail
dir="$1"
cd "$dir"
rm -rf node_modules/pulumi-ecs-image-task
npm install --no-package-lock --no-audit --no-fund --loglevel=error >&2
