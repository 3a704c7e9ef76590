#!/usr/bin/env bash
# Makes the Pulumi CLI and the Node.js language host available, offline, and prints (as its
# last line) the directory that holds `pulumi`, `pulumi-language-nodejs` and the
# `pulumi-resource-pulumi-nodejs` launcher. Put that directory first on PATH.
#
# - A `pulumi` already on PATH (with a `pulumi-language-nodejs` beside it or on PATH) is used as is.
# - Otherwise both are built from Go modules into a cache outside the repository, keyed by
#   version, and reused by later runs and by CI on the same machine:
#     ${PULUMI_ECS_CACHE:-$HOME/.cache/pulumi-ecs-image-task}/pulumi-<version>-lh<version>/
#   The CLI is github.com/pulumi/pulumi/pkg/v3 at PULUMI_VERSION. The language host is built
#   from the sdk/v3 module at LANGHOST_SDK_VERSION, the newest release in which it is part of
#   that module: its own module (sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not served by
#   the module proxy these machines reach. See docs/pulumi-cli.md.
# - The launcher is copied from node_modules/@pulumi/pulumi (run `npm install` first).
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-3.276.0}"
LANGHOST_SDK_VERSION="${LANGHOST_SDK_VERSION:-3.68.0}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher_src="$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

log() { echo "ensure-pulumi: $*" >&2; }

if [ -z "${PULUMI_ECS_FORCE_BUILD:-}" ] && command -v pulumi >/dev/null 2>&1; then
    dir="$(dirname "$(command -v pulumi)")"
    if [ -x "$dir/pulumi-language-nodejs" ] || command -v pulumi-language-nodejs >/dev/null 2>&1; then
        log "using pulumi on PATH: $(command -v pulumi) ($(pulumi version 2>/dev/null || echo unknown))"
        echo "$dir"
        exit 0
    fi
fi

cache_root="${PULUMI_ECS_CACHE:-$HOME/.cache/pulumi-ecs-image-task}"
dest="$cache_root/pulumi-v${PULUMI_VERSION}-lh${LANGHOST_SDK_VERSION}"
mkdir -p "$cache_root"
exec 9>"$cache_root/.lock"
flock 9

if [ ! -x "$dest/pulumi" ] || [ ! -x "$dest/pulumi-language-nodejs" ]; then
    command -v go >/dev/null 2>&1 || { log "go is not on PATH: install Go 1.26 or put a pulumi CLI on PATH"; exit 1; }
    work="$(mktemp -d "$cache_root/build.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    export CGO_ENABLED=0 GOFLAGS=-mod=mod
    flags=(-trimpath -tags osusergo,grpcnotrace)

    log "building pulumi v$PULUMI_VERSION from Go modules (first run only; several minutes)"
    mkdir -p "$work/cli" "$work/out"
    cat >"$work/cli/go.mod" <<GOMOD
module pulumicli

go 1.26

require (
	github.com/pulumi/pulumi/pkg/v3 v$PULUMI_VERSION
	github.com/pulumi/pulumi/sdk/v3 v$PULUMI_VERSION
)

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
GOMOD
    printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"\n' >"$work/cli/tools.go"
    (cd "$work/cli" && go mod tidy >&2 && go build "${flags[@]}" \
        -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
        -o "$work/out/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2)

    log "building pulumi-language-nodejs from sdk/v3 v$LANGHOST_SDK_VERSION"
    mkdir -p "$work/lh"
    cat >"$work/lh/go.mod" <<GOMOD
module pulumilanghost

go 1.26

require github.com/pulumi/pulumi/sdk/v3 v$LANGHOST_SDK_VERSION
GOMOD
    printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"\n' >"$work/lh/tools.go"
    (cd "$work/lh" && go mod tidy >&2 && go build "${flags[@]}" \
        -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$LANGHOST_SDK_VERSION" \
        -o "$work/out/pulumi-language-nodejs" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs >&2)

    rm -rf "$dest"
    mv "$work/out" "$dest"
fi

[ -f "$launcher_src" ] || { log "missing $launcher_src: run npm install first"; exit 1; }
install -m 0755 "$launcher_src" "$dest/pulumi-resource-pulumi-nodejs"
log "pulumi $("$dest/pulumi" version) in $dest"
echo "$dest"
