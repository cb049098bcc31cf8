// Authenticates a webhook on its RAW body, per account: a bearer token and/or an HMAC-SHA256 signature over
// "<timestamp>.<raw body>" with a timestamp window (replays of captured deliveries fail once stale).
// Senders that cannot sign (an Amazon EventBridge API destination offers only Basic, API key or OAuth client
// credentials) use the account's API-key header instead: when the account has one and the delivery carries
// that header, the key alone decides. An account with nothing configured refuses everything: an open endpoint
// would let anyone queue downloads.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/lib/http/app-error';
import type { TVendorAccount } from '@/lib/vendors/types';

export const TIMESTAMP_HEADER = 'x-callvault-timestamp';
export const SIGNATURE_HEADER = 'x-callvault-signature';

function unauthorized(reason: string): AppError {
  return new AppError('unauthorized', `Webhook authentication failed: ${reason}`, { reason });
}

/** Constant-time comparison that also hides the expected length (both sides are hashed first). */
function safeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function verifyBearer(expected: string, headers: Headers): void {
  const header = headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1]) throw unauthorized('missing bearer token');
  if (!safeEqual(match[1], expected)) throw unauthorized('invalid bearer token');
}

function verifySignature(secret: string, headers: Headers, rawBody: Buffer, nowSeconds: number, toleranceSeconds: number): void {
  const timestamp = headers.get(TIMESTAMP_HEADER);
  if (!timestamp) throw unauthorized('missing timestamp');
  if (!/^\d{1,12}$/.test(timestamp)) throw unauthorized('malformed timestamp');
  const skew = nowSeconds - Number(timestamp);
  if (skew > toleranceSeconds) throw unauthorized('stale timestamp');
  if (skew < -toleranceSeconds) throw unauthorized('timestamp in the future');
  const signature = headers.get(SIGNATURE_HEADER);
  if (!signature) throw unauthorized('missing signature');
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
  if (!match?.[1]) throw unauthorized('malformed signature');
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  if (!safeEqual(Buffer.from(match[1].toLowerCase(), 'hex'), expected)) throw unauthorized('invalid signature');
}

function verifyApiKey(expected: string, presented: string): void {
  if (!safeEqual(presented.trim(), expected)) throw unauthorized('invalid API key');
}

export function verifyWebhookAuth(
  account: TVendorAccount,
  headers: Headers,
  rawBody: Buffer,
  opts: { toleranceSeconds: number; nowSeconds?: number },
): void {
  const token = account.webhookBearerToken;
  const secret = account.webhookHmacSecret;
  const apiKey = account.webhookApiKey ?? null;
  if (!token && !secret && !apiKey) throw unauthorized('webhook auth not configured');
  const presentedKey = apiKey ? headers.get(apiKey.header) : null;
  if (apiKey && presentedKey !== null) return verifyApiKey(apiKey.value, presentedKey);
  if (!token && !secret) throw unauthorized(`missing API key header ${apiKey?.header}`);
  // Both configured → both required: a leaked token alone must not be enough.
  if (token) verifyBearer(token, headers);
  if (secret) verifySignature(secret, headers, rawBody, opts.nowSeconds ?? Math.floor(Date.now() / 1000), opts.toleranceSeconds);
}

/** The signature header value for a body (the simulators' emitter and tests sign the same way). */
export function signWebhookBody(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}
