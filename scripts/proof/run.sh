#!/usr/bin/env bash
# npm run proof [-- --short] [-- --only "<scenario>"] [-- --json <file>] — the fault-injection suite.
# Uses the development services (Postgres, Redis, the persistent S3 server on 127.0.0.1:7480), starting them
# if needed; the suite itself creates a throwaway database, bucket prefix and uses Redis db PROOF_REDIS_DB
# (default 13), which it flushes.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$(repo_root)"
bash scripts/setup-services.sh --with-s3=dev
ensure_node_modules
bash scripts/prisma-generate.sh
eval "$(bash scripts/services/rgw.sh env --profile dev)"
export S3_ENDPOINT S3_REGION S3_ACCESS_KEY_ID S3_SECRET_ACCESS_KEY S3_FORCE_PATH_STYLE
export PROOF_REDIS_DB=${PROOF_REDIS_DB:-13}
log "fault-injection suite (Redis db $PROOF_REDIS_DB)"
exec node --import tsx scripts/proof/run-proof.ts "$@"
