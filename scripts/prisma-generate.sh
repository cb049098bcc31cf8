#!/usr/bin/env bash
# Generate the Prisma client without network access.
# Prisma's CLI wants a native schema-engine binary it would download; generation never runs it,
# so we point it at a stub that exits 1 — anything that did try to run it fails loudly.
# Migrations go through the WASM schema engine instead: scripts/db/migrate.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="$PWD/scripts/db/schema-engine-stub.sh"
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/callvault}"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
node_modules/.bin/prisma generate --schema prisma/schema.prisma >/dev/null
