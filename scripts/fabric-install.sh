#!/usr/bin/env bash
# Builds the pinned Fabric and Fabric CA binaries from their Go modules into a per-user cache
# ($SCF_CACHE, default ~/.cache/scf/fabric-<version>/bin), so that fresh clones and CI reuse them.
# Idempotent: binaries already present are skipped. A cold build takes a few minutes on 2 cores.
#
#   scripts/fabric-install.sh          install what is missing, print the bin directory
#   scripts/fabric-install.sh --force  rebuild everything
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

force=false
[ "${1:-}" = "--force" ] && force=true

fabric_cmds=(peer orderer configtxgen configtxlator cryptogen osnadmin)
ca_cmds=(fabric-ca-server fabric-ca-client)

require_go() {
  command -v go >/dev/null || die "Go is not installed. Install Go >= $FABRIC_CA_GO_MIN (https://go.dev/doc/install) and rerun."
  local have; have="$(go env GOVERSION | sed 's/^go//')"
  version_ge "$have" "$FABRIC_CA_GO_MIN" \
    || die "Go $have is too old: Fabric $FABRIC_VERSION needs >= $FABRIC_GO_MIN and Fabric CA $FABRIC_CA_VERSION needs >= $FABRIC_CA_GO_MIN."
  command -v gcc >/dev/null || apt_install gcc libc6-dev   # fabric-ca-server links sqlite3 through cgo
}

# Builds inside a throwaway module that requires the pinned version. `go install pkg@version` would be
# simpler, but it also asks the proxy for the module's version list (to report deprecation), which the
# proxy reachable here refuses for Fabric's modules.
build_module() { # build_module DIR MODULE VERSION GO_MIN LDFLAGS PKG...
  local dir=$1 module=$2 version=$3 gomin=$4 ldflags=$5; shift 5
  mkdir -p "$dir"
  printf 'module scf.local/%s\n\ngo %s\n\nrequire %s %s\n' "$(basename "$dir")" "$gomin" "$module" "$version" > "$dir/go.mod"
  ( cd "$dir" && GOFLAGS=-mod=mod GOBIN="$FABRIC_BIN" CGO_ENABLED=1 go install -ldflags "$ldflags" "$@" )
}

missing() { # prints the commands of the list that are not installed yet
  for c in "$@"; do { $force || [ ! -x "$FABRIC_BIN/$c" ]; } && echo "$c"; done; true
}

main() {
  if [ -n "${SCF_FABRIC_BINARIES:-}" ]; then
    [ -x "$FABRIC_BIN/peer" ] || die "SCF_FABRIC_BINARIES=$FABRIC_BIN has no peer binary"
    log "Using the Fabric binaries in $FABRIC_BIN"
    return 0
  fi
  mkdir -p "$FABRIC_BIN"
  local todo_fabric todo_ca started
  todo_fabric=$(missing "${fabric_cmds[@]}")
  todo_ca=$(missing "${ca_cmds[@]}")

  if [ -z "$todo_fabric$todo_ca" ] && [ -f "$FABRIC_SAMPLECONFIG/core.yaml" ]; then
    log "Fabric $FABRIC_VERSION and Fabric CA $FABRIC_CA_VERSION already installed in $FABRIC_BIN"
    return 0
  fi
  require_go

  if [ -n "$todo_fabric" ] || [ ! -f "$FABRIC_SAMPLECONFIG/core.yaml" ]; then
    started=$(now)
    log "Building Fabric $FABRIC_VERSION ($FABRIC_COMMIT): $(echo "$todo_fabric" | tr '\n' ' ')(cold: 2-5 minutes)"
    local pkgs=(); for c in $todo_fabric; do pkgs+=("github.com/hyperledger/fabric/cmd/$c"); done
    local meta=github.com/hyperledger/fabric/common/metadata
    if [ ${#pkgs[@]} -gt 0 ]; then
      build_module "$FABRIC_HOME/build/fabric" github.com/hyperledger/fabric "$FABRIC_MODULE_VERSION" "$FABRIC_GO_MIN" \
        "-X $meta.Version=$FABRIC_VERSION -X $meta.CommitSHA=${FABRIC_COMMIT:0:12}" "${pkgs[@]}"
    fi
    # The peer and orderer read core.yaml/orderer.yaml; we start from the module's own sample config.
    local moddir
    moddir=$(cd "$FABRIC_HOME/build/fabric" && GOFLAGS=-mod=mod go list -m -f '{{.Dir}}' github.com/hyperledger/fabric)
    rm -rf "$FABRIC_SAMPLECONFIG" && mkdir -p "$FABRIC_SAMPLECONFIG"
    cp "$moddir/sampleconfig/core.yaml" "$moddir/sampleconfig/orderer.yaml" "$FABRIC_SAMPLECONFIG/"
    chmod u+w "$FABRIC_SAMPLECONFIG"/*
    step "done in $(( $(now) - started ))s"
  fi

  if [ -n "$todo_ca" ]; then
    started=$(now)
    log "Building Fabric CA $FABRIC_CA_VERSION: $(echo "$todo_ca" | tr '\n' ' ')(cold: 1-2 minutes)"
    local pkgs=(); for c in $todo_ca; do pkgs+=("github.com/hyperledger/fabric-ca/cmd/$c"); done
    build_module "$FABRIC_HOME/build/fabric-ca" github.com/hyperledger/fabric-ca "v$FABRIC_CA_VERSION" "$FABRIC_CA_GO_MIN" \
      "-X github.com/hyperledger/fabric-ca/lib/metadata.Version=$FABRIC_CA_VERSION" "${pkgs[@]}"
    step "done in $(( $(now) - started ))s"
  fi

  "$FABRIC_BIN/peer" version | sed -n '1,2p' | sed 's/^/    /'
  log "Fabric binaries are in $FABRIC_BIN"
}

main "$@"
