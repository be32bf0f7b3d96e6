#!/usr/bin/env bash
# Runs CI (.ci/run) on a fresh clone of the committed HEAD inside a private network namespace, so that it
# gets its own loopback and its fixed ports never collide with a network or database you have running.
# Needs root (ip netns). The namespace gets a link-local address on a veth pair because the Fabric peer
# insists on finding one non-loopback IPv4 interface; nothing is sent to it.
#
#   scripts/ci-local.sh            clone HEAD into a temp dir and run .ci/run there; prints the log's tail
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
[ "$(id -u)" -eq 0 ] || die "needs root for ip netns"
command -v ip >/dev/null || apt_install iproute2

ns=scf-ci-$$
clone=$(mktemp -d /tmp/scf-ci.XXXXXX)
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  ip netns exec "$ns" bash -c "cd '$clone' && scripts/network.sh down >/dev/null 2>&1; scripts/postgres.sh down >/dev/null 2>&1" || true
  ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT

ip netns add "$ns"
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" ip link add scfv0 type veth peer name scfv1
ip netns exec "$ns" ip addr add 169.254.77.1/32 dev scfv0
ip netns exec "$ns" ip link set scfv0 up

git clone -q "$SCF_ROOT" "$clone"
log "CI on a clean clone of $(git -C "$clone" log -1 --format='%h %s') in $clone (namespace $ns)"
# Package registries are reached outside the namespace (it has no route out): Maven and npm fetch what the
# build needs first, so that the run inside finds everything locally.
log "Fetching what the build needs (Maven plugins and test providers, npm packages, schemathesis)"
# Surefire and failsafe resolve their JUnit Platform provider only when a test class is about to run, so
# `package -DskipTests` (or a -Dtest that matches no class) never fetches it. Selecting every test class but a
# method none of them has makes both plugins resolve and fork their provider, then run nothing; the coverage
# gate, which fails on no tests, only reports in this pass.
(cd "$clone" && mvn -B -q --no-transfer-progress verify -Djacoco.haltOnFailure=false \
  -Dtest='*UnitTest#ciLocalFetchOnly' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='*IntegrationTest#ciLocalFetchOnly' -Dfailsafe.failIfNoSpecifiedTests=false >"$clone/fetch.log" 2>&1) \
  || { tail -40 "$clone/fetch.log"; die "the build failed before any test ran (Checkstyle, compilation): $clone/fetch.log"; }
# The Debian packages test.sh installs when missing: shellcheck, and Chromium for the end-to-end story.
apt_install shellcheck chromium fonts-noto-cjk
# Schemathesis (PyPI) in its cached venv, which test.sh's fuzzing step finds there.
(cd "$clone" && scripts/fuzz-api.sh prepare)
# Every npm project in the clone (platform-web through its helper, which records the lock it installed).
while read -r lock; do
  dir=$(dirname "$clone/$lock")
  if [ "$dir" = "$clone/platform-web" ]; then
    # shellcheck source=lib/common.sh disable=SC1091
    (cd "$clone" && source scripts/lib/common.sh && source scripts/lib/web.sh && web_install)
  else
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done < <(git -C "$clone" ls-files '*package-lock.json')
set +e
ip netns exec "$ns" env MAVEN_OPTS="${MAVEN_OPTS:-}" MAVEN_ARGS="-o" bash "$clone/.ci/run" 2>&1 | tee "$clone/ci.log"
rc=${PIPESTATUS[0]}
set -e
log "CI exit status $rc; full log: $clone/ci.log"
exit "$rc"
