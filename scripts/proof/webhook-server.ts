// The webhook receiver of the fault suite's stack, as its own process: the real route handlers
// (app/api/webhooks/*) behind a plain HTTP server. Prints `listening <port>` once it accepts requests.
import { POST as cxonePost } from '@/app/api/webhooks/cxone/route';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { startRouteServer } from '@/tests/support/start-route-server';

const server = await startRouteServer(
  { '/api/webhooks/genesys': genesysPost, '/api/webhooks/cxone': cxonePost },
  Number(process.env.PROOF_WEBHOOK_PORT ?? 0),
);
console.log(`listening ${new URL(server.url).port}`);
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
