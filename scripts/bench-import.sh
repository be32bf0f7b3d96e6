#!/usr/bin/env bash
# The ERP bulk import on the running network: generates a CSV of BENCH_IMPORT_ROWS payables (10,000) owed by one
# core enterprise to BENCH_IMPORT_SUPPLIERS suppliers (4), uploads it to POST /api/v1/payables/imports and follows
# the job to completion (the API registers the rows RegisterPayables.MAX_ITEMS at a time). Prints progress, the
# time from upload to completion and one summary line:
#   IMPORT_SUMMARY rows=10000 registered=10000 already=0 invalid=0 failed=0 upload_s=.. total_s=.. rows_per_s=..
#                  target_s=300 pass=true
# Exit status 0 when every row registered within the target, 1 when not, 2 when the bench itself failed.
# The API runs inside the bench's JVM on a random loopback port, in a fresh schema of the PostgreSQL of
# scripts/postgres.sh (dropped at the end; BENCH_KEEP_SCHEMA=true keeps it). Every wait is bounded
# (BENCH_IMPORT_TIMEOUT seconds, 900).
#
# Settings (environment): BENCH_IMPORT_ROWS, BENCH_IMPORT_SUPPLIERS, BENCH_IMPORT_TIMEOUT,
# SCF_DB_URL / SCF_DB_USER / SCF_DB_PASSWORD (the database).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$SCF_ROOT"

scripts/network.sh status >/dev/null 2>&1 || die "the Fabric network is not running (scripts/network.sh up)"
scripts/postgres.sh status >/dev/null 2>&1 || die "PostgreSQL is not running (scripts/postgres.sh start)"

log "Building the API and the bench (mvn test-compile)"
mvn -B -q --no-transfer-progress -pl contract,signing-client,platform-api test-compile -Dcheckstyle.skip \
  org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

cd platform-api
log "Importing ${BENCH_IMPORT_ROWS:-10000} payables from one CSV"
exec java -Xms256m -Xmx768m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.scfledger.platform.bench.ImportBench
