# shellcheck shell=bash
# Helpers for the web UI (platform-web/). Source after common.sh; defines functions only.

SCF_WEB="$SCF_ROOT/platform-web"
SCF_NODE_MIN=20.19.0

# ensure_node: Node.js >= 20.19 and npm (Vite 8 needs them); installs Debian's when missing.
ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  local v; v=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
  version_ge "$v" "$SCF_NODE_MIN" || die "Node.js $v is too old for the web UI (needs >= $SCF_NODE_MIN): install a newer Node.js and rerun"
  step "node $v, npm $(npm --version)"
}

# web_install: npm ci when node_modules is missing or package-lock.json changed since the last install.
web_install() {
  local stamp="$SCF_WEB/node_modules/.scf-lock.sha256" want
  want=$(sha256sum "$SCF_WEB/package-lock.json" | cut -d' ' -f1)
  if [ -d "$SCF_WEB/node_modules" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    step "web dependencies up to date"
    return 0
  fi
  (cd "$SCF_WEB" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

# web_build: the production build in platform-web/dist (type check, then Vite).
web_build() {
  (cd "$SCF_WEB" && npm run --silent build -- --logLevel warn)
}

# ensure_chromium: Debian's Chromium for the end-to-end tests (playwright-core drives it; no browser download),
# and a CJK font so the Chinese pages render (and their screenshots show text, not boxes).
ensure_chromium() {
  apt_install chromium fonts-noto-cjk
  step "$(/usr/bin/chromium --version 2>/dev/null | head -n1)"
}
