// Vendor API calls for one account: token bucket, bearer token (refreshed on expiry and on 401),
// 429 + Retry-After waited out, 5xx/network failures retried with exponential backoff — all bounded.
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from '@/lib/logger';
import type { TRawResponse, TVendorAccount } from '@/lib/vendors/types';
import type { AccessToken } from './access-token';
import { drain, openRequest, readBody, type TRequest, type TTransport } from './open-request';
import { backoffMs, parseRetryAfter, type TRetryPolicy } from './retry-policy';
import type { TokenBucket } from '@/lib/rate-limit/token-bucket';
import { VendorError } from './vendor-error';

export type TJsonResponse<T> = { status: number; body: T; raw: TRawResponse };
export type TCall = {
  method: 'GET' | 'POST' | 'PUT';
  url: URL;
  body?: string;
  headers?: Record<string, string>;
  auth: boolean;
  timeoutMs?: number;
};
type TRetryState = { rateLimited: number; failed: number; reauthorized: boolean };

export class VendorApi {
  constructor(
    readonly account: TVendorAccount,
    readonly policy: TRetryPolicy,
    private readonly transport: TTransport,
    private readonly bucket: TokenBucket,
    private readonly token: AccessToken | null,
  ) {}

  /** Sends a call and returns the first response that is not 401/429/5xx (after bounded retries). */
  async send(call: TCall): Promise<IncomingMessage> {
    const state: TRetryState = { rateLimited: 0, failed: 0, reauthorized: false };
    for (;;) {
      await this.bucket.take();
      const bearer = call.auth ? await this.bearer() : null;
      const res = await this.attempt(call, bearer, state);
      if (res) return res;
    }
  }

  /** Sends a call and parses a JSON body; any status outside `accept` becomes a VendorError. The exact body
   *  text comes back too, so a metadata response can be archived verbatim. */
  async json<T>(call: TCall, accept: readonly number[] = [200]): Promise<TJsonResponse<T>> {
    const res = await this.send({ ...call, headers: { accept: 'application/json', ...call.headers } });
    const status = res.statusCode ?? 0;
    if (!accept.includes(status)) {
      drain(res);
      throw this.statusError(status, call.url);
    }
    const bytes = await readBody(res);
    const raw: TRawResponse = {
      source: `${call.method} ${call.url.pathname}${call.url.search}`,
      status,
      contentType: res.headers['content-type'] ?? null,
      body: bytes,
    };
    try {
      return { status, body: (bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : null) as T, raw };
    } catch {
      throw new VendorError('bad_response', `${call.method} ${call.url.pathname} returned invalid JSON`, {
        status,
        accountId: this.account.id,
      });
    }
  }

  statusError(status: number, url: URL): VendorError {
    const code = status === 404 ? 'not_found' : status === 401 ? 'auth_failed' : 'http_error';
    return new VendorError(code, `${this.account.id}: ${url.pathname} answered HTTP ${status}`, { status, accountId: this.account.id });
  }

  private async bearer(): Promise<string> {
    if (!this.token) throw new VendorError('config', `${this.account.id}: authenticated call without a token source`);
    return this.token.get();
  }

  private async attempt(call: TCall, bearer: string | null, state: TRetryState): Promise<IncomingMessage | null> {
    const headers = { ...call.headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) };
    const req: TRequest = {
      method: call.method,
      url: call.url,
      headers,
      body: call.body,
      timeoutMs: call.timeoutMs ?? this.policy.requestTimeoutMs,
    };
    let res: IncomingMessage;
    try {
      res = await openRequest(this.transport, req);
    } catch (error) {
      if (!(error instanceof VendorError) || error.code !== 'network' || state.failed >= this.policy.serverRetries) throw error;
      await sleep(backoffMs(this.policy, state.failed++));
      return null;
    }
    const status = res.statusCode ?? 0;
    if (status === 401 && bearer && !state.reauthorized) return this.reauthorize(res, bearer, state);
    if (status === 429) return this.rateLimited(res, state);
    if (status >= 500) return this.serverFailed(res, status, state);
    return res;
  }

  private reauthorize(res: IncomingMessage, bearer: string, state: TRetryState): null {
    drain(res);
    // Token revoked or expired early: fetch a new one once; a second 401 is returned to the caller.
    this.token?.invalidate(bearer);
    state.reauthorized = true;
    return null;
  }

  private async rateLimited(res: IncomingMessage, state: TRetryState): Promise<null> {
    drain(res);
    const wait = parseRetryAfter(res.headers['retry-after']) ?? backoffMs(this.policy, state.rateLimited);
    if (state.rateLimited >= this.policy.rateLimitRetries || wait > this.policy.maxRetryAfterMs) {
      throw new VendorError('rate_limited', `${this.account.id}: rate limited by the vendor (retry after ${wait} ms)`, {
        status: 429,
        accountId: this.account.id,
        retryAfterMs: wait,
      });
    }
    state.rateLimited++;
    logger.warn({ accountId: this.account.id, waitMs: wait }, "vendor rate limit (429): holding this account's calls");
    await this.bucket.blockFor(wait);
    return null;
  }

  private async serverFailed(res: IncomingMessage, status: number, state: TRetryState): Promise<null> {
    drain(res);
    if (state.failed >= this.policy.serverRetries) {
      throw new VendorError('server_error', `${this.account.id}: vendor answered HTTP ${status} after ${state.failed} retries`, {
        status,
        accountId: this.account.id,
      });
    }
    const wait = backoffMs(this.policy, state.failed++);
    logger.warn({ accountId: this.account.id, status, waitMs: wait }, 'vendor server error: retrying');
    await sleep(wait);
    return null;
  }
}
