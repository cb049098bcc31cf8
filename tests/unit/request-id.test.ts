// Every console answer carries x-request-id: the caller's own when it is a plain token, otherwise a new UUID
// (an injected header value is never echoed). /api/metrics passes the proxy signed out: its handler decides.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { clientInfoFromHeaders, requestIdFrom } from '@/lib/telemetry/request-context';
import { isPublicPath, proxy } from '@/proxy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('x-request-id', () => {
  it('keeps a well-formed id, replaces anything else', () => {
    expect(requestIdFrom(new Headers({ 'x-request-id': 'lb-7f3a.2026:01_x' }))).toBe('lb-7f3a.2026:01_x');
    expect(requestIdFrom(new Headers({ 'x-request-id': 'short' }))).toMatch(UUID);
    expect(requestIdFrom(new Headers({ 'x-request-id': 'has space and <script>' }))).toMatch(UUID);
    expect(requestIdFrom(new Headers())).toMatch(UUID);
    expect(clientInfoFromHeaders(new Headers({ 'x-request-id': 'abcdef-123456' })).requestId).toBe('abcdef-123456');
  });

  it('the proxy echoes it on the answer', async () => {
    const given = await proxy(new NextRequest('http://127.0.0.1/api/health', { headers: { 'x-request-id': 'caller-id-0001' } }));
    expect(given.headers.get('x-request-id')).toBe('caller-id-0001');
    const fresh = await proxy(new NextRequest('http://127.0.0.1/api/health'));
    expect(fresh.headers.get('x-request-id')).toMatch(UUID);
  });

  it('/api/metrics is left to its own handler (admin session or METRICS_TOKEN)', () => {
    expect(isPublicPath('/api/metrics')).toBe(true);
    expect(isPublicPath('/api/metricsx')).toBe(false);
  });
});
