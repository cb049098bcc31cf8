#!/usr/bin/env bash
# Runs the whole system on demo data: services (installed/started if missing), migrations, buckets,
# seed, the console, the workers and the Genesys/CXone simulators. Ctrl-C stops what it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$(repo_root)"

bash scripts/setup-services.sh --with-s3=dev
ensure_node_modules
bash scripts/prisma-generate.sh

# First run: a local .env from the example, with generated secrets (never committed).
if [ ! -f .env ]; then
  cp .env.example .env
  sed -i "s|^AUDIT_HMAC_KEYS=.*|AUDIT_HMAC_KEYS=dev-k1:$(random_b64 32)|; s|^AUDIT_ACTIVE_KEY_ID=.*|AUDIT_ACTIVE_KEY_ID=dev-k1|; s|^NEXTAUTH_SECRET=.*|NEXTAUTH_SECRET=$(random_b64 48)|" .env
  printf '\n# Password of the seeded demo users (generated on first run).\nSEED_PASSWORD=%s\n' "$(random_b64 12 | tr -d '/+=')" >> .env
  printf '# Demo simulators derive their vendor credentials from this seed (stable across restarts).\nSIM_SECRET_SEED=%s\n' "$(random_b64 24)" >> .env
  log "created .env with generated secrets"
fi
# The asymmetric signing key (also added to a .env created before signing keys existed). A JSON value:
# written single-quoted on its own line, since sed would trip over base64's slashes.
if ! grep -q "^AUDIT_SIGNING_KEYS='\[" .env; then
  sed -i '/^AUDIT_SIGNING_KEYS=/d' .env
  printf "# Generated Ed25519 signing key for audit checkpoints and exports.\nAUDIT_SIGNING_KEYS='[%s]'\n" "$(node --import tsx scripts/audit/new-signing-key.ts --id dev-s1 --valid-from 2020-01-01T00:00:00Z)" >> .env
  log "added a generated audit signing key to .env"
fi
set -a; source .env; set +a
PORT=${PORT:-3000}

node --import tsx scripts/db/migrate.ts deploy
# Seed first: the buckets' lifecycle rules follow the retention policies it creates.
node --import tsx prisma/seed.ts
node --import tsx scripts/provision-storage.ts

log "building the console"
NODE_ENV=production node_modules/.bin/next build >/tmp/callvault-next-build.log 2>&1 || { tail -50 /tmp/callvault-next-build.log; exit 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# The Genesys/CXone simulators come first: they publish the vendor accounts (credentials derived from
# SIM_SECRET_SEED) that the console and the workers are configured with.
mkdir -p .data/logs
accounts_file=.data/sim-accounts.json
rm -f "$accounts_file"
SIM_ACCOUNTS_FILE=$accounts_file SIM_WEBHOOK_BASE_URL="http://127.0.0.1:$PORT" \
  node --import tsx simulators/index.ts > .data/logs/simulators.log 2>&1 & pids+=($!)
for _ in $(seq 1 100); do [ -s "$accounts_file" ] && break; sleep 0.2; done
[ -s "$accounts_file" ] || { tail -20 .data/logs/simulators.log; log "simulators did not start"; exit 1; }
VENDOR_ACCOUNTS=$(cat "$accounts_file")
# Demo dial-in rules: a customer number from another region than the vendor instance is quarantined.
RESIDENCY_DIAL_RULES=${RESIDENCY_DIAL_RULES:-'[{"prefix":"+1","region":"us"},{"prefix":"+353","region":"eu"},{"prefix":"+49","region":"eu"}]'}
export VENDOR_ACCOUNTS RESIDENCY_DIAL_RULES

CALLVAULT_SERVICE=workers node --import tsx workers/index.ts > .data/logs/workers.log 2>&1 & pids+=($!)
CALLVAULT_SERVICE=console node_modules/.bin/next start -H 127.0.0.1 -p "$PORT" > .data/logs/console.log 2>&1 & pids+=($!)

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null || { log "console did not become healthy"; exit 1; }

log "console:  http://127.0.0.1:$PORT   (health: /api/health)"
log "sign in as officer@ / reviewer@ / auditor@ / admin@callvault.local with password: $SEED_PASSWORD"
log "logs: .data/logs/{console,workers,simulators}.log — Ctrl-C stops everything"
wait -n "${pids[@]}"
