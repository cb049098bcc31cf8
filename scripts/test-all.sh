#!/usr/bin/env bash
# Runs every test from nothing: installs/starts what is missing, then static checks, unit,
# integration (real Postgres, Redis, Ceph RGW) and end-to-end (Playwright in Debian's Chromium).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$(repo_root)"
started=$SECONDS

bash scripts/setup-services.sh --with-s3=test --with-chromium
trap 'bash scripts/services/rgw.sh stop --profile test >/dev/null 2>&1 || true' EXIT
ensure_node_modules
bash scripts/prisma-generate.sh

# A throwaway configuration: its own database, Redis db index, S3 server and freshly generated secrets.
set -a
eval "$(bash scripts/services/rgw.sh env --profile test)"
NODE_ENV=test
LOG_LEVEL=${LOG_LEVEL:-warn}
DATABASE_URL=postgresql://postgres@127.0.0.1:5432/callvault_test
REDIS_URL=redis://127.0.0.1:6379/9
S3_BUCKET_PREFIX=cvtest
RESIDENCY_REGIONS=us,eu
AUDIT_KEY_PROVIDER=local
AUDIT_HMAC_KEYS="test-k1:$(random_b64 32)"
AUDIT_ACTIVE_KEY_ID=test-k1
NEXTAUTH_SECRET=$(random_b64 48)
NEXTAUTH_URL=http://127.0.0.1:${E2E_PORT:-3100}
set +a

log "static checks: typecheck, lint, schema/migration drift"
node_modules/.bin/tsc --noEmit
node_modules/.bin/eslint . --max-warnings=0
node --import tsx scripts/db/migrate.ts check

log "database: reset $DATABASE_URL"
node --import tsx scripts/db/migrate.ts reset
redis-cli -n 9 flushdb >/dev/null
node --import tsx scripts/provision-storage.ts

# Each runner also writes a JSON report, so the run ends with one total line across all three.
reports=$(mktemp -d)
log "unit tests"
node_modules/.bin/vitest run --project unit --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
log "integration tests"
node_modules/.bin/vitest run --project integration --reporter=default --reporter=json --outputFile.json="$reports/integration.json"

log "end-to-end tests"
NODE_ENV=production node_modules/.bin/next build >/tmp/callvault-next-build.log 2>&1 || { tail -50 /tmp/callvault-next-build.log; exit 1; }
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" node_modules/.bin/playwright test --reporter=list,json

log "all tests passed in $((SECONDS - started)) s"
node scripts/test-totals.mjs "$reports"
