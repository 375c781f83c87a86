#!/usr/bin/env bash
# Installs what the end-to-end suite needs, when missing: Debian's chromium and ripgrep (and
# libkrb5-dev, which code-server's native module builds against), and code-server in its own install
# directory test/.cache/code-server (gitignored, kept between runs, never part of the workspaces).
# Prints `e2e-install: ok` at the end, or `e2e-install: FAILED <why>` and exits non-zero.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="$root/test/.cache/code-server"
version="4.100.3"
fail() { echo "e2e-install: FAILED $*"; exit 1; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || fail "no apt-get to install ${missing[*]}"
    echo "e2e-install: apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null 2>&1 || fail "apt-get update"
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || fail "apt-get install ${missing[*]}"
fi

if [ -x "$dir/node_modules/.bin/code-server" ] && [ -f "$dir/.installed-$version" ]; then
    echo "e2e-install: ok (code-server $version cached)"
    exit 0
fi

# code-server's postinstall fetches ripgrep from the network unless this cache holds it already.
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$tarball" ]; then
    mkdir -p "$cache"
    staging="$(mktemp -d)"
    cp "$(command -v rg)" "$staging/rg"
    tar -czf "$tarball" -C "$staging" rg || fail "could not seed the ripgrep cache"
    rm -rf "$staging"
fi

echo "e2e-install: npm install code-server@$version into test/.cache/code-server (takes a few minutes)"
rm -rf "$dir"
mkdir -p "$dir"
printf '{ "name": "mission-e2e-code-server", "private": true }\n' > "$dir/package.json"
# Native modules build with node-gyp (run through npx: say yes) against the installed Node headers,
# which node-gyp would otherwise download.
nodedir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
[ -f "$nodedir/include/node/common.gypi" ] && export npm_config_nodedir="$nodedir"
(cd "$dir" && npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error "code-server@$version") \
    > "$dir/install.log" 2>&1 || { tail -20 "$dir/install.log"; fail "npm install code-server@$version (log: $dir/install.log)"; }
[ -x "$dir/node_modules/.bin/code-server" ] || fail "code-server binary missing after install"
touch "$dir/.installed-$version"
echo "e2e-install: ok (code-server $version installed)"
