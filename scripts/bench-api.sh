#!/usr/bin/env bash
# The platform API against a bare Fabric Gateway client, on the running network (loopback only):
#   1. the same split-and-transfer load twice in one run, through the REST API and through bare Gateway
#      clients with the same identities, concurrency and payloads: throughput, p50, p99 and the ratio
#      (target: API >= 0.9 x bare Gateway);
#   2. the read path at a fixed request rate: the token list and a token's lineage served by the API
#      (its PostgreSQL read model) beside the same queries evaluated on the chaincode: p50, p99 and the
#      ratio of the p99s, for comparison (the read target is the absolute p99 of scripts/bench-scale.sh).
# The API runs inside the bench's JVM on a random loopback port, in a fresh schema of the PostgreSQL of
# scripts/postgres.sh (dropped at the end; BENCH_KEEP_SCHEMA=true keeps it). It prints figures; it
# asserts nothing. Every loop is bounded.
#
# Settings (environment): BENCH_N (splits per path, 300), BENCH_CONCURRENCY (16), BENCH_HOLDERS (4),
# BENCH_WARMUP (800 per path: the API runs in a fresh JVM, whose JIT compiles for minutes on 2 cores), BENCH_ROUNDS (3), BENCH_READ_RATE (requests/s, 40), BENCH_READ_SECONDS (10 per series),
# SCF_DB_URL / SCF_DB_USER / SCF_DB_PASSWORD (the database).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$SCF_ROOT"

scripts/network.sh status >/dev/null 2>&1 || die "the Fabric network is not running (scripts/network.sh up)"
scripts/postgres.sh status >/dev/null 2>&1 || die "PostgreSQL is not running (scripts/postgres.sh start)"

log "Building the API and the bench (mvn test-compile)"
mvn -B -q --no-transfer-progress -pl contract,signing-client,platform-api test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

cd platform-api
log "Running: ${BENCH_N:-300} splits per path at concurrency ${BENCH_CONCURRENCY:-16}; reads at ${BENCH_READ_RATE:-40}/s"
exec java -Xms256m -Xmx768m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.scfledger.platform.bench.ApiBench
