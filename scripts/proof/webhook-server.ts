// The webhook receiver of the fault suite's stack, as its own process: the real route handlers
// (app/api/webhooks/*) behind a plain HTTP server. Prints `listening <port>` once it accepts requests.
import { createServer } from 'node:http';
import { POST as cxonePost } from '@/app/api/webhooks/cxone/route';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';

const routes: Record<string, (req: Request) => Promise<Response>> = {
  '/api/webhooks/genesys': genesysPost,
  '/api/webhooks/cxone': cxonePost,
};

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handler = routes[url.pathname];
    if (!handler || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    handler(new Request(url, { method: 'POST', headers, body: Buffer.concat(chunks) }))
      .then(async (response) => {
        res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => res.writeHead(500).end());
  });
});

server.listen(Number(process.env.PROOF_WEBHOOK_PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
