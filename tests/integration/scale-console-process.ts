// One console instance for the scale-out test (scale-out.test.ts): its own process serving the real
// webhook route handlers and the audit export calls of the console's export routes, with its own Redis and
// Postgres connections. Prints "url <base>" once listening. The export calls take the signed-in user from an
// x-test-user header (session handling is covered by the security tests; here only "which process" matters).
import { Readable } from 'node:stream';
import { POST as cxonePost } from '@/app/api/webhooks/cxone/route';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { getAuditExport } from '@/lib/audit/get-audit-export';
import { openAuditExport } from '@/lib/audit/open-audit-export';
import { ZAuditScope } from '@/lib/audit/scope';
import { startAuditExport } from '@/lib/audit/start-audit-export';
import type { TUserRef } from '@/lib/auth/types';
import { startRouteServer } from '@/tests/support/start-route-server';

const userOf = (request: Request) => JSON.parse(request.headers.get('x-test-user') ?? 'null') as TUserRef;

const routes = await startRouteServer({
  '/api/webhooks/genesys': genesysPost,
  '/api/webhooks/cxone': cxonePost,
  '/api/audit/exports': async (request) =>
    Response.json(await startAuditExport({ scope: ZAuditScope.parse(await request.json()), user: userOf(request) }), { status: 202 }),
  '/api/audit/exports/:id': async (_request, { id }) => Response.json(await getAuditExport(id!)),
  '/api/audit/exports/:id/download': async (request, { id }) => {
    const file = await openAuditExport(id!, userOf(request));
    return new Response(Readable.toWeb(file.stream) as ReadableStream, { headers: { 'Content-Length': String(file.size) } });
  },
});
process.stdout.write(`url ${routes.url}\n`);
process.once('SIGTERM', () => void routes.stop().finally(() => process.exit(0)));
