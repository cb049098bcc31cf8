// Delivers simulated vendor events to the console like a vendor (or integrator middleware) would: signed per
// account, at-least-once (duplicates × N with the same event id), in shuffled order, several at a time.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { TEmitOptions, TEmitResult, TSimAccount } from '../types';

export type TOutgoingEvent = {
  eventId: string;
  account: TSimAccount;
  path: string;
  body: unknown;
  vendorRecordingId: string;
  interactionId: string;
};

export function signedHeaders(account: TSimAccount, rawBody: string, tamper = false): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(rawBody)) };
  if (account.webhookBearerToken) headers.authorization = `Bearer ${account.webhookBearerToken}${tamper ? 'x' : ''}`;
  if (account.webhookHmacSecret) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const mac = createHmac('sha256', account.webhookHmacSecret).update(`${timestamp}.${rawBody}`).digest('hex');
    headers['x-callvault-timestamp'] = timestamp;
    headers['x-callvault-signature'] = `sha256=${tamper ? mac.replace(/^./, (c) => (c === '0' ? '1' : '0')) : mac}`;
  }
  return headers;
}

function post(url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, { method: 'POST', headers, agent: false, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`webhook POST to ${url.host} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let a = seed >>> 0 || 1;
  const rand = () => (a = (Math.imul(a ^ (a >>> 15), 2654435761) + 0x6d2b79f5) >>> 0) / 4294967296;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export async function deliverEvents(events: TOutgoingEvent[], opts: TEmitOptions): Promise<TEmitResult[]> {
  let queue = events.flatMap((e) => Array.from({ length: Math.max(1, opts.duplicates ?? 1) }, () => e));
  if (opts.shuffle !== undefined && opts.shuffle !== false) queue = shuffled(queue, opts.shuffle === true ? Date.now() : opts.shuffle);
  const results: TEmitResult[] = [];
  const send = async (e: TOutgoingEvent) => {
    const raw = JSON.stringify(e.body);
    const url = new URL(`${e.path}?account=${encodeURIComponent(e.account.id)}`, opts.baseUrl);
    const answer = await post(url, signedHeaders(e.account, raw, opts.tamper), raw);
    results.push({ eventId: e.eventId, vendorRecordingId: e.vendorRecordingId, interactionId: e.interactionId, ...answer, at: Date.now() });
  };
  let next = 0;
  const worker = async () => {
    while (next < queue.length) await send(queue[next++] as TOutgoingEvent);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, queue.length)) }, worker));
  return results;
}
