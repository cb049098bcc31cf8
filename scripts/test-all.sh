#!/usr/bin/env bash
# Runs every test from nothing: installs/starts what is missing, then static checks, unit,
# integration (real Postgres, Redis, Ceph RGW) and end-to-end (Playwright in Debian's Chromium).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$(repo_root)"
started=$SECONDS

# Each runner writes a JSON report; whatever happens, the run ends with one totals line across all three
# (a step that never ran or crashed before its report counts as failed).
reports=$(mktemp -d)
stop_test_rgw=false
finish() {
  local status=$?
  node scripts/test-totals.mjs "$reports" || status=1
  if $stop_test_rgw; then bash scripts/services/rgw.sh stop --profile test >/dev/null 2>&1 || true; fi
  exit "$status"
}
trap finish EXIT

if [[ -n "${CALLVAULT_TEST_SLOT:-}" ]]; then
  bash scripts/setup-services.sh --with-s3=dev --with-chromium
else
  bash scripts/setup-services.sh --with-s3=test --with-chromium
  stop_test_rgw=true
fi
ensure_node_modules
bash scripts/prisma-generate.sh

# A throwaway configuration: its own database, Redis db index, S3 server and secrets.
set -a
source scripts/test-env.sh
set +a

log "static checks: typecheck, lint, schema/migration drift, import cycles, duplicated code"
node_modules/.bin/tsc --noEmit
node_modules/.bin/eslint . --max-warnings=0
node --import tsx scripts/db/migrate.ts check
npm run --silent check:cycles
npm run --silent check:duplicates
npm run --silent format:check

log "database: reset $DATABASE_URL"
node --import tsx scripts/db/migrate.ts reset
redis-cli -n "$REDIS_DB" flushdb >/dev/null
node --import tsx scripts/provision-storage.ts

log "unit tests"
node_modules/.bin/vitest run --project unit --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
log "integration tests"
node_modules/.bin/vitest run --project integration --reporter=default --reporter=json --outputFile.json="$reports/integration.json"

log "end-to-end tests"
NODE_ENV=production npm run --silent build >/tmp/callvault-next-build.log 2>&1 || { tail -50 /tmp/callvault-next-build.log; exit 1; }
log "production build starts with plain node (console /api/health, worker process)"
node scripts/check-production-start.mjs
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" node_modules/.bin/playwright test --reporter=list,json

log "all tests passed in $((SECONDS - started)) s"
