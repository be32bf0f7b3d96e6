# shellcheck shell=bash
# ensure_prereqs: checks and installs what the build needs on a Debian machine.
# Source after common.sh.

ensure_prereqs() {
  local started; started=$(now)
  log "Checking prerequisites"
  # Tools the scripts themselves call.
  local tools=(curl tar gzip od setsid)
  for t in "${tools[@]}"; do command -v "$t" >/dev/null || apt_install curl tar gzip coreutils util-linux; done
  # network.sh revoke edits the channel configuration as JSON and reads the CRL.
  command -v jq >/dev/null || apt_install jq
  command -v openssl >/dev/null || apt_install openssl
  # SoftHSM2: the PKCS#11 token of the demo's SELF-custody systems (scripts/seed-demo.ts) and of the signing
  # client's integration test.
  command -v softhsm2-util >/dev/null || apt_install softhsm2

  if ! command -v java >/dev/null || ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|2[0-9])'; then
    apt_install openjdk-17-jdk-headless
  fi
  command -v mvn >/dev/null || apt_install maven
  command -v go >/dev/null || die "Go is required to build Fabric (>= $FABRIC_CA_GO_MIN): install it from https://go.dev/dl and rerun"
  step "java $(java -version 2>&1 | head -n1 | cut -d'"' -f2), $(mvn -v 2>/dev/null | head -n1 | sed 's/\x1b\[[0-9;]*m//g'), $(go env GOVERSION)"
  "$SCF_ROOT/scripts/fabric-install.sh"
  step "prerequisites ready in $(( $(now) - started ))s"
}
