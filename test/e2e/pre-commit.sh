#!/usr/bin/env bash
# End-to-end test of the pre-commit hook (.pre-commit-hooks.yaml) with the real `pre-commit`
# client: it clones this repository at a commit (HEAD by default), installs the hook as it would
# for any user and runs it on three policies. pre-commit 3 installs with npm install, npm pack and
# npm install -g of the tarball; pre-commit 4 with `npm install -g git+file://CLONE`, whose
# preparation install of the clone omits the dev dependencies the build needs (scripts/prepare.mjs).
# A clean policy passes, a flat commission fails with exit 1, a misspelled key fails with exit 2.
# PRE_COMMIT names the client (default: the `pre-commit` on the PATH, such as Debian's 3.0.4).
# Needs git, node, npm and pre-commit; reaches only the npm registry.
#   usage: [PRE_COMMIT=/path/to/pre-commit] test/e2e/pre-commit.sh [COMMIT]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
COMMIT="${1:-$(git -C "$ROOT" rev-parse HEAD)}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export PRE_COMMIT_HOME="$WORK/pre-commit-home" NO_COLOR=1
PRE_COMMIT="${PRE_COMMIT:-pre-commit}"
echo "pre-commit e2e: $("$PRE_COMMIT" --version), npm $(npm --version), node $(node --version), hook at ${COMMIT:0:12}"

repo="$WORK/policy-repo"
mkdir -p "$repo/policy"
git -C "$repo" init -q
cat > "$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $ROOT
    rev: $COMMIT
    hooks:
      - id: incentive-lint
        args: [policy/]
YAML
cp "$ROOT/examples/aligned.yaml" "$repo/policy/plan.yaml"

failures=0
# Runs the hook on every file; checks pre-commit's exit code, the hook's exit code and one text.
expect() {
  local name="$1" want_hook_code="$2" want_text="$3" output code=0
  git -C "$repo" add -A
  output="$(cd "$repo" && "$PRE_COMMIT" run --all-files --color never 2>&1)" || code=$?
  local ok=1
  if [ "$want_hook_code" = 0 ]; then
    [ "$code" = 0 ] || ok=0
  else
    [ "$code" = 1 ] && grep -q -- "- exit code: $want_hook_code\$" <<<"$output" || ok=0
  fi
  grep -qF -- "$want_text" <<<"$output" || ok=0
  if [ "$ok" = 1 ]; then
    echo "ok: $name (pre-commit exit $code)"
  else
    echo "FAIL: $name: expected the hook to exit $want_hook_code and print \"$want_text\"; pre-commit exited $code:"
    sed 's/^/  | /' <<<"$output"
    failures=$((failures + 1))
  fi
}

expect 'a clean policy passes' 0 'incentive-lint...'
sed -i 's/segment: smb, rate: "5%"/segment: smb, rate: "15%"/' "$repo/policy/plan.yaml"
expect 'a flat commission fails with exit 1' 1 'flat-commission'
cp "$ROOT/examples/aligned.yaml" "$repo/policy/plan.yaml"
sed -i '0,/^    commission:/s//    comission:/' "$repo/policy/plan.yaml"
expect 'a misspelled key fails with exit 2' 2 'did you mean "commission"?'

[ "$failures" = 0 ] || { echo "pre-commit e2e: $failures failed"; exit 1; }
echo "pre-commit e2e: all passed"
