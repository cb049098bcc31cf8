// Webhook authentication on the raw body: bearer token, HMAC signature, timestamp window, not-configured.
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/http/app-error';
import { signWebhookBody, verifyWebhookAuth } from '@/lib/ingest/verify-webhook-auth';
import type { TVendorAccount } from '@/lib/vendors/types';

const NOW = 1_800_000_000;
const BODY = Buffer.from('{"type":"recording.completed","id":"evt-1"}');

function account(auth: { token?: string; secret?: string; apiKey?: string }): TVendorAccount {
  return {
    id: 'acct-1',
    vendorSource: 'GENESYS_CLOUD',
    name: 'Test',
    instance: 'mypurecloud.com',
    residencyRegion: 'us',
    apiBaseUrl: 'http://127.0.0.1:1',
    authUrl: 'http://127.0.0.1:1',
    clientId: 'c',
    clientSecret: 's',
    tlsPins: [],
    requestsPerMinute: 300,
    webhookBearerToken: auth.token ?? null,
    webhookHmacSecret: auth.secret ?? null,
    webhookApiKey: auth.apiKey ? { header: 'x-callvault-api-key', value: auth.apiKey } : null,
  };
}

function signed(secret: string, ts: number, body: Buffer = BODY, extra: Record<string, string> = {}): Headers {
  return new Headers({ 'x-callvault-timestamp': String(ts), 'x-callvault-signature': signWebhookBody(secret, ts, body), ...extra });
}

function reason(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(401);
    return ((error as AppError).details as { reason: string }).reason;
  }
  return undefined;
}

const opts = { toleranceSeconds: 300, nowSeconds: NOW };

describe('verifyWebhookAuth', () => {
  it('refuses everything when the account has neither token nor secret', () => {
    expect(reason(() => verifyWebhookAuth(account({}), new Headers({ authorization: 'Bearer x' }), BODY, opts))).toBe(
      'webhook auth not configured',
    );
  });

  it('accepts the right bearer token and refuses a wrong or missing one', () => {
    const a = account({ token: 'tok-123' });
    expect(reason(() => verifyWebhookAuth(a, new Headers({ authorization: 'Bearer tok-123' }), BODY, opts))).toBeUndefined();
    expect(reason(() => verifyWebhookAuth(a, new Headers({ authorization: 'Bearer tok-124' }), BODY, opts))).toBe('invalid bearer token');
    expect(reason(() => verifyWebhookAuth(a, new Headers({ authorization: 'Bearer tok-123-longer' }), BODY, opts))).toBe(
      'invalid bearer token',
    );
    expect(reason(() => verifyWebhookAuth(a, new Headers(), BODY, opts))).toBe('missing bearer token');
    expect(reason(() => verifyWebhookAuth(a, new Headers({ authorization: 'Basic tok-123' }), BODY, opts))).toBe('missing bearer token');
  });

  it('verifies the HMAC over "<timestamp>.<raw body>"', () => {
    const a = account({ secret: 'shh' });
    expect(reason(() => verifyWebhookAuth(a, signed('shh', NOW), BODY, opts))).toBeUndefined();
    // One byte changed in the body, or signed with another key → invalid.
    expect(reason(() => verifyWebhookAuth(a, signed('shh', NOW), Buffer.from(BODY.toString().replace('evt-1', 'evt-2')), opts))).toBe(
      'invalid signature',
    );
    expect(reason(() => verifyWebhookAuth(a, signed('other', NOW), BODY, opts))).toBe('invalid signature');
    // The timestamp is covered by the signature: replaying the signature with a fresh timestamp fails.
    const replay = signed('shh', NOW - 10);
    replay.set('x-callvault-timestamp', String(NOW));
    expect(reason(() => verifyWebhookAuth(a, replay, BODY, opts))).toBe('invalid signature');
  });

  it('enforces the timestamp window both ways and the header formats', () => {
    const a = account({ secret: 'shh' });
    expect(reason(() => verifyWebhookAuth(a, signed('shh', NOW - 300), BODY, opts))).toBeUndefined();
    expect(reason(() => verifyWebhookAuth(a, signed('shh', NOW - 301), BODY, opts))).toBe('stale timestamp');
    expect(reason(() => verifyWebhookAuth(a, signed('shh', NOW + 301), BODY, opts))).toBe('timestamp in the future');
    expect(
      reason(() => verifyWebhookAuth(a, new Headers({ 'x-callvault-signature': signWebhookBody('shh', NOW, BODY) }), BODY, opts)),
    ).toBe('missing timestamp');
    expect(reason(() => verifyWebhookAuth(a, new Headers({ 'x-callvault-timestamp': String(NOW) }), BODY, opts))).toBe('missing signature');
    expect(
      reason(() =>
        verifyWebhookAuth(a, new Headers({ 'x-callvault-timestamp': '17e8', 'x-callvault-signature': 'sha256=00' }), BODY, opts),
      ),
    ).toBe('malformed timestamp');
    expect(
      reason(() =>
        verifyWebhookAuth(a, new Headers({ 'x-callvault-timestamp': String(NOW), 'x-callvault-signature': 'md5=abc' }), BODY, opts),
      ),
    ).toBe('malformed signature');
  });

  it('requires both when both are configured', () => {
    const a = account({ token: 'tok', secret: 'shh' });
    expect(reason(() => verifyWebhookAuth(a, signed('shh', NOW, BODY, { authorization: 'Bearer tok' }), BODY, opts))).toBeUndefined();
    expect(reason(() => verifyWebhookAuth(a, signed('shh', NOW), BODY, opts))).toBe('missing bearer token');
    expect(reason(() => verifyWebhookAuth(a, new Headers({ authorization: 'Bearer tok' }), BODY, opts))).toBe('missing timestamp');
  });
});

describe('API-key header (EventBridge API destinations cannot sign bodies)', () => {
  const KEY = 'k'.repeat(40);
  const SECRET = 's'.repeat(32);
  const opts = { toleranceSeconds: 300, nowSeconds: NOW };

  it('lets an HMAC account be fed by a sender presenting the API key instead of a signature', () => {
    const acct = account({ secret: SECRET, apiKey: KEY });
    expect(reason(() => verifyWebhookAuth(acct, new Headers({ 'x-callvault-api-key': KEY }), BODY, opts))).toBeUndefined();
    expect(reason(() => verifyWebhookAuth(acct, signed(SECRET, NOW), BODY, opts))).toBeUndefined();
  });

  it('refuses a wrong key, and a delivery with neither key nor signature', () => {
    const acct = account({ secret: SECRET, apiKey: KEY });
    expect(reason(() => verifyWebhookAuth(acct, new Headers({ 'x-callvault-api-key': `${KEY}x` }), BODY, opts))).toBe('invalid API key');
    expect(reason(() => verifyWebhookAuth(acct, new Headers(), BODY, opts))).toBe('missing timestamp');
    expect(reason(() => verifyWebhookAuth(account({ apiKey: KEY }), new Headers(), BODY, opts))).toBe(
      'missing API key header x-callvault-api-key',
    );
  });
});
