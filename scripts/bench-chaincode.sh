#!/usr/bin/env bash
# Benchmark of the chaincode on the real local network: N SplitTransfer against N trivial writes (BenchPut,
# one putState in the same chaincode), both through the Fabric Gateway at concurrency C. Prints throughput,
# p50 and p99 of each and their ratio. Target: SplitTransfer throughput >= 0.8 x the trivial write's.
#
#   scripts/bench-chaincode.sh [N] [C]     defaults: N=200, C=16
#
# Uses the running network, or brings one up (and leaves it running).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$SCF_ROOT"
n=${1:-200}; c=${2:-16}

scripts/network.sh status >/dev/null 2>&1 || scripts/network.sh up
log "Building the benchmark (chaincode test classes)"
cp_file="$SCF_ROOT/chaincode/target/bench.classpath"
# -am builds the contract module the chaincode compiles against; in one reactor run the classpath names its classes
# (the last module, the chaincode, writes the file last)
mvn -B -q --no-transfer-progress -pl chaincode -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
log "Running: N=$n per phase, concurrency C=$c ($(nproc) cores)"
java -cp "chaincode/target/test-classes:chaincode/target/classes:$(cat "$cp_file")" \
  com.scfledger.chaincode.network.ChaincodeBenchmark "$n" "$c"
