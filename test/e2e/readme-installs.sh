#!/usr/bin/env bash
# Performs every install line of the README (the `npm …` and `npx …` lines of its Install, Quick
# start and Development blocks, and the GitLab job's `npm ci`) on a fresh clone of this repository at
# a commit (HEAD by default), as a user would on a fresh machine, plus the global git install
# (`npm install -g git+…`) that pre-commit 4 runs. The repository's GitHub URL and tag are replaced
# by this clone and the commit (git+file://…#COMMIT); nothing else is changed. A line this script
# does not know fails it, so a new install line in the README needs a case here.
# Needs git, node and npm; reaches only the npm registry.
#   usage: test/e2e/readme-installs.sh [COMMIT]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
COMMIT="${1:-$(git -C "$ROOT" rev-parse HEAD)}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export NO_COLOR=1 npm_config_update_notifier=false
echo "README installs: npm $(npm --version), node $(node --version), at ${COMMIT:0:12}"

# The source a user installs from: a clone, as GitHub would serve it (committed files only).
SOURCE="$WORK/source"
git -c advice.detachedHead=false clone -q --no-checkout "$ROOT" "$SOURCE" && git -C "$SOURCE" checkout -q "$COMMIT"
GIT_URL='git+https://github.com/incentive-lint/incentive-lint.git#v0.1.0'
LOCAL_URL="git+file://$SOURCE#$COMMIT"

# The README's shell lines that install or run the package: those of the fenced blocks of the
# Install, Quick start and Development sections, and the GitLab job's script.
readme_lines() {
  awk '
    /^## / { section = $0 }
    /^```/ { fenced = !fenced; next }
    fenced && (section == "## Install" || section == "## Quick start" || section == "## Development") && /^(npm|npx) / { print }
  ' "$SOURCE/README.md"
  awk '/^### GitLab CI/ { on = 1 } /^### / && !/GitLab/ { on = 0 } on && /^    - npm / { sub(/^    - /, ""); print }' "$SOURCE/README.md"
}

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# Runs a command in a folder; checks its exit code and that its output holds a text.
check() {
  local name="$1" dir="$2" want_code="$3" want_text="$4" output code=0
  shift 4
  output="$(cd "$dir" && "$@" 2>&1)" || code=$?
  if [ "$code" = "$want_code" ] && grep -qF -- "$want_text" <<<"$output"; then
    echo "ok: $name (exit $code)"
  else
    fail "$name: expected exit $want_code and \"$want_text\", got exit $code:"
    tail -25 <<<"$output" | sed 's/^/  | /'
  fi
}

clone="$WORK/clone"            # "in a clone of this repository"
policy_repo="$WORK/policy-repo" # "in your policy repository": a default `npm init` repository
git -c advice.detachedHead=false clone -q "$SOURCE" "$clone" && git -C "$clone" checkout -q "$COMMIT"
mkdir -p "$policy_repo/policy" && (cd "$policy_repo" && git init -q && npm init -y >/dev/null)
cp "$SOURCE/examples/enterprise-first.yaml" "$policy_repo/policy/plans.yaml"

seen=0 performed=$'\n'
while IFS= read -r line; do
  seen=$((seen + 1))
  command_line="$(sed -E 's/[[:space:]]+#[[:space:]].*$//' <<<"$line")" # the README's comment is not part of the command
  # The same line in several sections (npm install) is performed once.
  case "$performed" in *$'\n'"$command_line"$'\n'*) continue ;; esac
  performed+="$command_line"$'\n'
  case "$command_line" in
    'npm install')
      check "in a clone: $command_line" "$clone" 0 '' npm install
      [ -f "$clone/dist/incentive-lint.cjs" ] || fail "in a clone: npm install did not build dist/incentive-lint.cjs" ;;
    'npx --no-install incentive-lint examples/enterprise-first.yaml')
      check "in a clone: $command_line" "$clone" 1 'flat-commission' npx --no-install incentive-lint examples/enterprise-first.yaml ;;
    'npm test') echo "ok: in a clone: npm test is what .ci/run runs" ;;
    "npm install --save-dev $GIT_URL")
      check "in a policy repository: npm install --save-dev git+file://…#${COMMIT:0:12}" "$policy_repo" 0 '' npm install --save-dev "$LOCAL_URL"
      check 'in a policy repository: npx --no-install incentive-lint policy/' "$policy_repo" 1 'flat-commission' npx --no-install incentive-lint policy/ ;;
    'npm ci')
      # The GitLab job, on a fresh checkout of the policy repository with its lockfile.
      rm -rf "$policy_repo/node_modules"
      check 'GitLab job: npm ci' "$policy_repo" 0 '' npm ci
      check 'GitLab job: npx --no-install incentive-lint policy/ --format gitlab:…' "$policy_repo" 1 '' \
        npx --no-install incentive-lint policy/ --format stylish --format gitlab:gl-code-quality.json --format junit:incentive-lint.xml
      node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (!r.some((f) => f.location.path === "policy/plans.yaml")) process.exit(1)' \
        "$policy_repo/gl-code-quality.json" || fail 'GitLab job: gl-code-quality.json names policy/plans.yaml' ;;
    *) fail "the README's install line \"$line\" has no case in test/e2e/readme-installs.sh" ;;
  esac
done < <(readme_lines)
[ "$seen" -ge 5 ] || fail "found only $seen install lines in the README: the sections moved?"

# pre-commit 4's install (and a plain global install from git): npm installs the package from git
# globally, whose preparation install runs with --global too (npm/cli#8440).
global="$WORK/global"
check 'npm install -g git+file://…' "$WORK" 0 '' env npm_config_prefix="$global" npm install --no-audit --no-fund -g "$LOCAL_URL"
check 'the global install runs' "$policy_repo" 1 'flat-commission' "$global/bin/incentive-lint" policy/

[ "$failures" = 0 ] || { echo "README installs: $failures failed"; exit 1; }
echo "README installs: all passed"
