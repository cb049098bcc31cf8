// Minimal HTTP plumbing for the simulators: routes, JSON helpers, request log, and a stop() that also closes
// keep-alive connections (so tests leave no open handles).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TSimRequest } from '../types';

export type TRouteContext = { req: IncomingMessage; res: ServerResponse; url: URL; params: string[]; log: TSimRequest };
export type TRoute = { method: string; pattern: RegExp; kind: TSimRequest['kind']; handle: (ctx: TRouteContext) => Promise<void> | void };

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function readRequestBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const value = JSON.parse(await readRequestBody(req)) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export type TSimServer = { url: string; stop(): Promise<void> };

export async function startHttpServer(
  routes: TRoute[],
  requests: TSimRequest[],
  opts: { port?: number; host?: string },
): Promise<TSimServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    const log: TSimRequest = {
      at: Date.now(),
      method: req.method ?? '',
      path: url.pathname,
      status: 0,
      accountId: null,
      kind: route?.kind ?? 'other',
    };
    requests.push(log);
    res.on('close', () => {
      log.status = res.statusCode;
    });
    if (!route) return sendJson(res, 404, { message: `no route for ${req.method} ${url.pathname}` });
    const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map((p) => decodeURIComponent(p ?? ''));
    Promise.resolve(route.handle({ req, res, url, params, log })).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: (error as Error).message });
      else res.destroy();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
