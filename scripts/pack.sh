#!/usr/bin/env bash
# Builds the package and packs it to .build/pulumi-ecs-image-task.tgz: the form in which
# examples and end-to-end tests install it (a copy under node_modules, never a link; see
# docs/pulumi-dynamic.md on why).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# A clean build: nothing left over from deleted or renamed sources goes into the tarball.
rm -rf dist
npx tsc -p tsconfig.json
mkdir -p .build
tgz="$(npm pack --silent --pack-destination .build | tail -n 1)"
mv -f ".build/$tgz" .build/pulumi-ecs-image-task.tgz
echo "$repo/.build/pulumi-ecs-image-task.tgz"
