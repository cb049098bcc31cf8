// The real route handlers (app/api/**/route.ts) behind a plain HTTP server, without Next: for tests and the
// fault suite's webhook process, which deliver to them over HTTP exactly as a vendor or a browser would.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type TRouteHandler = (request: Request, params: Record<string, string>) => Promise<Response>;

/** The handler whose path matches: exact, or with ":name" segments taking any value (handed over as params). */
function matchRoute(
  routes: Record<string, TRouteHandler>,
  pathname: string,
): { handler: TRouteHandler; params: Record<string, string> } | null {
  if (routes[pathname]) return { handler: routes[pathname], params: {} };
  const parts = pathname.split('/');
  for (const [pattern, handler] of Object.entries(routes)) {
    const want = pattern.split('/');
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (want.every((w, i) => (w.startsWith(':') ? ((params[w.slice(1)] = decodeURIComponent(parts[i]!)), true) : w === parts[i])))
      return { handler, params };
  }
  return null;
}

/**
 * A plain HTTP server in front of the real route handlers (no Next server needed), so the simulators'
 * own emitter can deliver webhooks exactly as a vendor would: POST <url>/api/webhooks/<vendor>?account=…
 * Paths may hold ":id"-style segments for dynamic routes. Port 0 picks a free one.
 */
export async function startRouteServer(routes: Record<string, TRouteHandler>, port = 0): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = matchRoute(routes, url.pathname);
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      route
        .handler(new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }), route.params)
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
