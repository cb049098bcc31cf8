# Shared shell helpers for scripts/run.sh and scripts/test-all.sh.

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

log() { printf '\033[1m[callvault]\033[0m %s\n' "$*"; }

# Install node modules when missing or when package-lock.json changed since the last install.
ensure_node_modules() {
  local marker=node_modules/.callvault-lock-sha
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$want" ]; then
    log "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$marker"
  fi
}

random_b64() { head -c "${1:-32}" /dev/urandom | base64 | tr -d '\n'; }
