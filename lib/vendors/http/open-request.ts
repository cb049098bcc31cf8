// The one place vendor traffic leaves the process: node:http(s) with TLS >= 1.2, optional SPKI pinning, and
// plain http only towards this machine (the simulators). Responses are returned unread, as streams.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { pinnedServerIdentity } from './tls-pinning';
import { VendorError } from './vendor-error';

/** Pinned agent for the account's own API hosts; presigned media hosts (e.g. the vendor's object storage) get
 *  TLS >= 1.2 with normal CA validation — their URLs come from a response of a pinned host. */
export type TTransport = {
  http: http.Agent;
  pinned: https.Agent;
  unpinned: https.Agent;
  pinnedHosts: ReadonlySet<string>;
  accountId: string;
};
export type TRequest = { method: 'GET' | 'POST' | 'PUT'; url: URL; headers?: Record<string, string>; body?: string; timeoutMs: number };

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

type TTransportAccount = { id: string; tlsPins: string[]; tlsCaPem?: string; apiBaseUrl: string; authUrl: string; mediaBaseUrl?: string };

export function createTransport(account: TTransportAccount): TTransport {
  const base = {
    keepAlive: true,
    minVersion: 'TLSv1.2' as const,
    ...(account.tlsCaPem ? { ca: [...rootCertificates, account.tlsCaPem] } : {}),
  };
  const pins = account.tlsPins.length > 0 ? { checkServerIdentity: pinnedServerIdentity(account.tlsPins) } : {};
  const hosts = [account.apiBaseUrl, account.authUrl, account.mediaBaseUrl].filter((u): u is string => !!u).map((u) => new URL(u).host);
  return {
    http: new http.Agent({ keepAlive: true }),
    pinned: new https.Agent({ ...base, ...pins }),
    unpinned: new https.Agent(base),
    pinnedHosts: new Set(hosts),
    accountId: account.id,
  };
}

function agentFor(transport: TTransport, url: URL): http.Agent {
  if (url.protocol !== 'https:') return transport.http;
  return transport.pinnedHosts.has(url.host) ? transport.pinned : transport.unpinned;
}

function assertAllowedScheme(url: URL): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return;
  throw new VendorError(
    'config',
    `Refusing ${url.protocol}//${url.host}: vendor traffic must use https (plain http is allowed only for local simulators on 127.0.0.1/localhost)`,
  );
}

function networkError(error: NodeJS.ErrnoException, transport: TTransport, url: URL): VendorError {
  if (error instanceof VendorError) return error;
  const where = `${url.protocol}//${url.host}`;
  if (error.code === 'ERR_TLS_PIN_MISMATCH') return new VendorError('tls_pin_mismatch', error.message, { accountId: transport.accountId });
  const tlsReason = /SSL routines:[^:]*:([^:]+)/.exec(error.message)?.[1];
  if (tlsReason) {
    return new VendorError('network', `TLS handshake with ${where} failed (${tlsReason}); vendor hosts must offer TLS 1.2 or later`, {
      accountId: transport.accountId,
    });
  }
  return new VendorError('network', `Request to ${where} failed: ${error.code ?? error.message}`, { accountId: transport.accountId });
}

export function openRequest(transport: TTransport, req: TRequest): Promise<IncomingMessage> {
  assertAllowedScheme(req.url);
  const isHttps = req.url.protocol === 'https:';
  const options = { method: req.method, headers: req.headers ?? {}, agent: agentFor(transport, req.url) };
  return new Promise((resolve, reject) => {
    const request = (isHttps ? https : http).request(req.url, options, resolve);
    request.setTimeout(req.timeoutMs, () =>
      request.destroy(new VendorError('network', `No response from ${req.url.host} within ${req.timeoutMs} ms`)),
    );
    request.on('error', (e: NodeJS.ErrnoException) => reject(networkError(e, transport, req.url)));
    request.end(req.body);
  });
}

/** Reads a (small) response body as the bytes received, bounded so a misbehaving endpoint cannot exhaust memory. */
export async function readBody(res: IncomingMessage, limitBytes = 20 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      res.destroy();
      throw new VendorError('bad_response', `Response body larger than ${limitBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Discards a body we do not need so the keep-alive socket can be reused. */
export function drain(res: IncomingMessage): void {
  res.resume();
}
