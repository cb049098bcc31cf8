// One console instance for the scale-out test (scale-out.test.ts): its own process serving the real
// webhook route handlers, with its own Redis and Postgres connections. Prints "url <base>" once listening.
import { POST as cxonePost } from '@/app/api/webhooks/cxone/route';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { startRouteServer } from './ingest-harness';

const routes = await startRouteServer({ '/api/webhooks/genesys': genesysPost, '/api/webhooks/cxone': cxonePost });
process.stdout.write(`url ${routes.url}\n`);
process.once('SIGTERM', () => void routes.stop().finally(() => process.exit(0)));
