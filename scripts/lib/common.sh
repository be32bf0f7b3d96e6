# shellcheck shell=bash disable=SC2034  # the paths and versions below are used by the scripts that source this
# Shared helpers for the scripts in this folder. Source it; it defines functions and paths only.

SCF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCF_CACHE="${SCF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/scf}"

# Pinned Fabric versions. Fabric v3.1.1 is the newest v3 release that the Go module proxy reachable
# here serves (v3.1.2 to v3.1.5 are refused); see docs/network.md.
FABRIC_VERSION=3.1.1
FABRIC_COMMIT=435a7f1a780a128756fb2f72bf4cad164bf13fbb
# Fabric's module path has no /v3 suffix, so its v3 tags are not valid module versions: we pin the
# commit through its pseudo-version.
FABRIC_MODULE_VERSION=v1.4.0-rc1.0.20250510200036-435a7f1a780a
FABRIC_GO_MIN=1.24.2
FABRIC_CA_VERSION=1.5.21
FABRIC_CA_GO_MIN=1.25.0

FABRIC_HOME="$SCF_CACHE/fabric-$FABRIC_VERSION"
# SCF_FABRIC_BINARIES / SCF_FABRIC_SAMPLECONFIG point at binaries and sample config installed some other way
# (the fabric-tools image in docker-compose.yml); then nothing is built.
FABRIC_BIN="${SCF_FABRIC_BINARIES:-$FABRIC_HOME/bin}"
FABRIC_SAMPLECONFIG="${SCF_FABRIC_SAMPLECONFIG:-$FABRIC_HOME/sampleconfig}"

log()  { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
step() { printf '    %s\n' "$*"; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# version_ge A B: true when dotted version A >= B
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

# Seconds since the epoch, for "took Ns" progress lines.
now() { date +%s; }

# apt_install PKG...: installs Debian packages that are missing, updating the package lists once if needed.
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get to install them"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "Installing Debian packages: ${missing[*]}"
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null; then
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null \
      || die "apt-get install ${missing[*]} failed"
  fi
}
