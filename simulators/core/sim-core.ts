// State shared by both simulators: accounts and their OAuth tokens, fault injection, the request log,
// recordings, signed expiring media URLs, and media serving with download counting and cut connections.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { TSimAccount, TSimFaults, TSimRecording, TSimRequest } from '../types';
import { sendJson, type TRouteContext } from './sim-http';

export const DEFAULT_FAULTS: TSimFaults = {
  tokenTtlSeconds: 3600,
  rateLimitNext: 0,
  retryAfterSeconds: 1,
  serverErrorNext: 0,
  mediaUrlTtlSeconds: 300,
  expireNextMediaUrls: 0,
  cutNextStreams: 0,
  cutAfterBytes: 1024,
  maxPageSize: 1000,
};

export class SimCore {
  readonly faults: TSimFaults;
  readonly requests: TSimRequest[] = [];
  readonly recordings = new Map<string, TSimRecording>();
  private readonly tokens = new Map<string, { accountId: string; expiresAt: number }>();
  private readonly starts = new Map<string, number>();
  private readonly completions = new Map<string, number>();
  private readonly urlKey = randomBytes(32);

  constructor(
    readonly accounts: TSimAccount[],
    faults: Partial<TSimFaults> = {},
  ) {
    if (accounts.length === 0) throw new Error('a simulator needs at least one account');
    this.faults = { ...DEFAULT_FAULTS, ...faults };
  }

  account(id: string | undefined): TSimAccount {
    const account = id ? this.accounts.find((a) => a.id === id) : this.accounts[0];
    if (!account) throw new Error(`simulator has no account ${id}`);
    return account;
  }

  issueToken(account: TSimAccount): { access_token: string; expires_in: number } {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { accountId: account.id, expiresAt: Date.now() + this.faults.tokenTtlSeconds * 1000 });
    return { access_token: token, expires_in: this.faults.tokenTtlSeconds };
  }

  revokeTokens(): void {
    this.tokens.clear();
  }

  /** Bearer check + injected 429/503 for API routes. Returns the caller's account, or null once answered. */
  authorize(ctx: TRouteContext, applyFaults = true): TSimAccount | null {
    const match = /^Bearer (\S+)$/.exec(ctx.req.headers.authorization ?? '');
    const token = match?.[1] ? this.tokens.get(match[1]) : undefined;
    if (!token || token.expiresAt <= Date.now()) {
      sendJson(ctx.res, 401, { message: 'invalid or expired token', code: 'authentication.required' });
      return null;
    }
    ctx.log.accountId = token.accountId;
    if (!applyFaults) return this.account(token.accountId);
    if (this.faults.rateLimitNext > 0) {
      this.faults.rateLimitNext--;
      sendJson(ctx.res, 429, { message: 'Rate limit exceeded' }, { 'retry-after': String(this.faults.retryAfterSeconds) });
      return null;
    }
    if (this.faults.serverErrorNext > 0) {
      this.faults.serverErrorNext--;
      sendJson(ctx.res, 503, { message: 'Service unavailable' });
      return null;
    }
    return this.account(token.accountId);
  }

  /** A recording of this account, or null after answering 404 (other tenants' ids do not exist). */
  owned(ctx: TRouteContext, account: TSimAccount, id: string): TSimRecording | null {
    const rec = this.recordings.get(id);
    if (rec && rec.account.id === account.id) return rec;
    sendJson(ctx.res, 404, { message: `not found: ${id}` });
    return null;
  }

  private signature(id: string, exp: number): Buffer {
    return createHmac('sha256', this.urlKey).update(`${id}.${exp}`).digest();
  }

  /** A presigned-style media URL that expires (or is born expired when the fault asks for it). */
  mediaUrl(baseUrl: string, rec: TSimRecording, path: string): string {
    const expired = this.faults.expireNextMediaUrls > 0;
    if (expired) this.faults.expireNextMediaUrls--;
    const exp = expired ? Date.now() - 1000 : Date.now() + this.faults.mediaUrlTtlSeconds * 1000;
    const url = new URL(path, baseUrl);
    url.searchParams.set('exp', String(exp));
    url.searchParams.set('sig', this.signature(rec.id, exp).toString('hex'));
    url.searchParams.set('nonce', randomUUID());
    return url.toString();
  }

  mediaUrlValid(ctx: TRouteContext, id: string): boolean {
    const exp = Number(ctx.url.searchParams.get('exp'));
    const sig = Buffer.from(ctx.url.searchParams.get('sig') ?? '', 'hex');
    const expected = this.signature(id, exp);
    const valid = sig.length === expected.length && timingSafeEqual(sig, expected) && exp > Date.now();
    if (!valid) sendJson(ctx.res, 403, { message: 'Request has expired' });
    return valid;
  }

  downloadCount(id: string): number {
    return this.completions.get(id) ?? 0;
  }

  downloadStarts(id: string): number {
    return this.starts.get(id) ?? 0;
  }

  /** Streams the media; counts starts/completions; cuts the connection when the fault asks for it. */
  serveMedia(res: ServerResponse, rec: TSimRecording, body: Readable): void {
    const cutAt = this.faults.cutNextStreams > 0 ? this.faults.cutAfterBytes : null;
    if (cutAt !== null) this.faults.cutNextStreams--;
    this.starts.set(rec.id, this.downloadStarts(rec.id) + 1);
    res.writeHead(200, { 'content-type': rec.contentType, 'content-length': rec.mediaSize() });
    res.on('finish', () => this.completions.set(rec.id, this.downloadCount(rec.id) + 1));
    if (cutAt === null) {
      body.pipe(res);
      return;
    }
    let sent = 0;
    body.on('data', (chunk: Buffer) => {
      const room = cutAt - sent;
      if (room <= 0) return;
      sent += Math.min(room, chunk.length);
      if (chunk.length < room) return void res.write(chunk);
      body.destroy();
      res.write(chunk.subarray(0, room), () => res.socket?.destroy());
    });
    // Only a body shorter than the cut point ends normally.
    body.on('end', () => {
      if (sent < cutAt) res.end();
    });
  }
}
