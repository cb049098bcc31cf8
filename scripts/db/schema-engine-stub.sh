#!/bin/sh
echo "The native Prisma schema engine is not available offline; use 'npm run db:migrate' (WASM engine, scripts/db/migrate.ts)." >&2
exit 1
