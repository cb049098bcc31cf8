// The HTTP building blocks of the vendor clients: budget windows, Retry-After, backoff, access-token refresh,
// listing cursors and media format detection.
import { describe, expect, it } from 'vitest';
import { AccessToken } from '@/lib/vendors/http/access-token';
import { decodeCursor, encodeCursor } from '@/lib/vendors/http/cursor';
import { mediaFormatOf } from '@/lib/vendors/http/open-media-stream';
import { backoffMs, DEFAULT_RETRY_POLICY, parseRetryAfter } from '@/lib/vendors/http/retry-policy';
import { perMinute } from '@/lib/rate-limit/token-bucket';
import { VendorError } from '@/lib/vendors/http/vendor-error';
import { ZListCursor } from '@/lib/vendors/genesys/wire';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('perMinute budget', () => {
  it('splits a minute into 6 s windows so that no sliding minute exceeds the budget', () => {
    for (const rpm of [2, 3, 5, 10, 11, 60, 300, 1000, 6000]) {
      const b = perMinute(rpm);
      // A 60 s span overlaps at most ceil(60 / seconds) + 1 windows.
      expect((Math.ceil(60 / b.seconds) + 1) * b.points, `rpm ${rpm}`).toBeLessThanOrEqual(rpm);
    }
    expect(perMinute(60)).toEqual({ points: 5, seconds: 6 });
  });

  it('refuses a non-positive rate', () => {
    expect(() => perMinute(0)).toThrow(/requestsPerMinute/);
  });
});

describe('Retry-After and backoff', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('backs off exponentially with jitter, capped', () => {
    const p = { ...DEFAULT_RETRY_POLICY, backoffBaseMs: 100, backoffMaxMs: 1000 };
    expect(backoffMs(p, 0, () => 1)).toBe(100);
    expect(backoffMs(p, 3, () => 1)).toBe(800);
    expect(backoffMs(p, 3, () => 0)).toBe(600);
    expect(backoffMs(p, 10, () => 1)).toBe(1000);
  });
});

describe('AccessToken', () => {
  it('fetches once, shares the in-flight fetch, and refreshes before expiry', async () => {
    const c = clock();
    let fetches = 0;
    const token = new AccessToken(async () => ({ accessToken: `t${++fetches}`, expiresInSeconds: 3600 }), c.now);
    expect(await Promise.all([token.get(), token.get(), token.get()])).toEqual(['t1', 't1', 't1']);
    c.advance(3600_000 - 61_000);
    expect(await token.get()).toBe('t1');
    c.advance(2000);
    expect(await token.get()).toBe('t2');
    expect(fetches).toBe(2);
  });

  it('drops a rejected token, but not a newer one', async () => {
    let n = 0;
    const token = new AccessToken(async () => ({ accessToken: `t${++n}`, expiresInSeconds: 3600 }));
    const first = await token.get();
    token.invalidate(first);
    const second = await token.get();
    expect(second).toBe('t2');
    token.invalidate(first); // a late 401 for the old token
    expect(await token.get()).toBe('t2');
  });

  it('lets the next caller retry after a failed fetch', async () => {
    let n = 0;
    const token = new AccessToken(async () => {
      if (++n === 1) throw new Error('down');
      return { accessToken: 'ok', expiresInSeconds: 60 };
    });
    await expect(token.get()).rejects.toThrow('down');
    await expect(token.get()).resolves.toBe('ok');
  });
});

describe('listing cursors', () => {
  it('round-trip and reject foreign values', () => {
    const cursor = encodeCursor({ v: 1, from: 'a', to: 'b', page: 3 });
    expect(decodeCursor(cursor, ZListCursor)).toEqual({ v: 1, from: 'a', to: 'b', page: 3 });
    expect(() => decodeCursor('not-ours', ZListCursor)).toThrow(VendorError);
    expect(() => decodeCursor(encodeCursor({ v: 2 }), ZListCursor)).toThrow(/reset the poll cursor/);
  });
});

describe('mediaFormatOf', () => {
  it.each([
    ['audio/wav', 'https://x/a', 'mp3', 'wav'],
    ['audio/mpeg; charset=binary', 'https://x/a', 'wav', 'mp3'],
    ['video/mp4', 'https://x/a', 'wav', 'mp4'],
    ['application/octet-stream', 'https://x/a.M4A', 'wav', 'mp4'],
    [null, 'https://x/a.ogg?sig=1', 'wav', 'ogg'],
    [null, 'https://x/a', 'wav', 'wav'],
  ])('%s %s → %s', (type, url, hint, expected) => {
    expect(mediaFormatOf(type, new URL(url), hint)).toBe(expected);
  });
});
