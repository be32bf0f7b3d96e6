#!/usr/bin/env bash
# Schemathesis against a running API, as every kind of caller: the platform admin, a core enterprise's user, a
# supplier's, a bank maker and checker, an auditor and an API key (scripts/fuzz-api/cast.ts creates them). Every
# operation of the served OpenAPI document is called with generated valid and invalid input; the gate is zero 5xx
# answers (not_a_server_error) and a problem+json body on every 4xx (scripts/fuzz-api/problem_json.py).
#
#   scripts/fuzz-api.sh prepare                         installs the pinned schemathesis into a cached venv
#   scripts/fuzz-api.sh run --url URL [--seconds S]     fuzzes the API at URL for about S seconds in all (180)
#
# run needs SCF_ADMIN_USERNAME and SCF_ADMIN_PASSWORD (the API's bootstrap admin). Reports (JUnit, and the
# failing cases as curl commands in the log) go to target/fuzz-api/. Exit status 1 when any check failed.
# POST /api/v1/auth/logout is left out: it would revoke the very token the run is using.
# One worker: with two, Hypothesis parses lambda sources in two threads at once, and CPython 3.11's parser
# then fails now and then ("AST constructor recursion depth mismatch"), a runtime error that is not our API's.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

SCHEMATHESIS_VERSION=4.32.5
FUZZ_VENV="$SCF_CACHE/schemathesis-$SCHEMATHESIS_VERSION"
SCHEMATHESIS="$FUZZ_VENV/bin/schemathesis"

usage() { sed -n '7,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# Debian's python3 (not whatever a version manager puts first on PATH) with the pinned schemathesis, once.
prepare() {
  [ -x "$SCHEMATHESIS" ] && return 0
  apt_install python3 python3-venv
  log "Installing schemathesis $SCHEMATHESIS_VERSION into $FUZZ_VENV"
  rm -rf "$FUZZ_VENV"
  /usr/bin/python3 -m venv "$FUZZ_VENV"
  "$FUZZ_VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" \
    || { rm -rf "$FUZZ_VENV"; die "pip install schemathesis==$SCHEMATHESIS_VERSION failed"; }
}

run() {
  local url="" seconds=180
  while [ $# -gt 0 ]; do
    case $1 in
      --url) url=${2:?--url needs a value}; shift 2 ;;
      --seconds) seconds=${2:?--seconds needs a value}; shift 2 ;;
      *) usage ;;
    esac
  done
  [ -n "$url" ] || usage
  prepare
  local out="$SCF_ROOT/target/fuzz-api" tsx="$SCF_ROOT/platform-web/node_modules/.bin/tsx"
  [ -x "$tsx" ] || die "no $tsx: run npm ci in platform-web first"
  rm -rf "$out"; mkdir -p "$out"

  step "callers: creating a fresh cast of enterprises, users and an API key"
  local callers
  callers=$(SCF_API_URL="$url" "$tsx" "$SCF_ROOT/scripts/fuzz-api/cast.ts") || die "could not create the callers"
  local count; count=$(wc -l <<<"$callers")
  # The document once, generously timed (a busy machine serves it slower than schemathesis waits for it).
  curl -fsS -m 120 "$url/v3/api-docs" -o "$out/api-docs.json" || die "no OpenAPI document at $url/v3/api-docs"
  local each=$(( seconds / count )); [ "$each" -ge 10 ] || each=10

  local failed=() name header rc
  while IFS=$'\t' read -r name header; do
    step "schemathesis as $name (${each}s)"
    set +e
    # (from $out: schemathesis keeps its cache in .schemathesis/ of the working directory)
    (cd "$out" && PYTHONPATH="$SCF_ROOT/scripts/fuzz-api" SCHEMATHESIS_HOOKS=problem_json \
      "$SCHEMATHESIS" run "$out/api-docs.json" --url "$url" -H "$header" \
      --checks not_a_server_error,problem_json_for_4xx --max-time "$each" --workers 1 \
      --exclude-path /api/v1/auth/logout \
      --request-timeout 30 --suppress-health-check all --no-color --output-truncate true \
      --report junit --report-junit-path "$out/$name.junit.xml" >"$out/$name.log" 2>&1)
    rc=$?
    set -e
    # The summary schemathesis ends with: operations, test cases, failures.
    sed -n '/=\{3,\} SUMMARY =\{3,\}/,$p' "$out/$name.log" | grep -v '^$' | sed 's/^/      /' | head -20
    [ "$rc" -eq 0 ] || failed+=("$name (exit $rc, log $out/$name.log)")
  done <<<"$callers"

  if [ ${#failed[@]} -gt 0 ]; then
    printf '  schemathesis found failures as: %s\n' "${failed[@]}" >&2
    return 1
  fi
  step "schemathesis: no 5xx and only problem+json 4xx, as all ${count} callers"
}

case ${1:-} in
  prepare) prepare ;;
  run) shift; run "$@" ;;
  *) usage ;;
esac
