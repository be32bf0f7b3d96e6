#!/usr/bin/env bash
# Benchmark of the chaincode on the real local network: N SplitTransfer against N trivial writes (bench:Put,
# one putState, from a contract deployed beside the production one for this run only), both through the Fabric
# Gateway at concurrency C. Prints throughput, p50 and p99 of each and their ratio.
# Target: SplitTransfer throughput >= 0.8 x the trivial write's.
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
# The bench contract (bench:Put) is in the chaincode's test classes, not in the production jar: the chaincode
# servers get it for this run only, and are restarted without it afterwards.
bench_classes="$SCF_ROOT/chaincode/target/bench-contract"
rm -rf "$bench_classes" && mkdir -p "$bench_classes/com/scfledger/chaincode"
cp -r chaincode/target/test-classes/com/scfledger/chaincode/bench "$bench_classes/com/scfledger/chaincode/"
log "Restarting the chaincode servers with the bench contract"
SCF_CHAINCODE_EXTRA_CLASSPATH="$bench_classes" scripts/network.sh restart-chaincode
trap 'log "Restarting the chaincode servers without the bench contract"; scripts/network.sh restart-chaincode' EXIT
log "Running: N=$n per phase, concurrency C=$c ($(nproc) cores)"
java -cp "chaincode/target/test-classes:chaincode/target/classes:$(cat "$cp_file")" \
  com.scfledger.chaincode.network.ChaincodeBenchmark "$n" "$c"
