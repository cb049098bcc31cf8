// /api/health against the real services, and with one of them unreachable.
import { afterEach, describe, expect, it, vi } from 'vitest';

const original = { ...process.env };

async function callHealth(): Promise<{
  status: number;
  body: { status: string; down: string[]; components: { name: string; up: boolean }[] };
}> {
  vi.resetModules();
  const g = globalThis as Record<string, unknown>;
  delete g.producerRedis;
  delete g.prisma;
  delete g.s3;
  const { GET } = await import('@/app/api/health/route');
  const res = await GET();
  return { status: res.status, body: await res.json() };
}

afterEach(() => {
  const g = globalThis as { producerRedis?: { disconnect(): void } };
  g.producerRedis?.disconnect();
  process.env = { ...original };
});

describe('GET /api/health', () => {
  it('is 200 when Postgres, Redis and S3 all answer', async () => {
    const { status, body } = await callHealth();
    expect(body.down).toEqual([]);
    expect(status).toBe(200);
    expect(body.components.map((c) => c.name).sort()).toEqual(['postgres', 'redis', 's3']);
  });

  it('is 503 naming Redis when Redis is unreachable', async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:1/0';
    const { status, body } = await callHealth();
    expect(status).toBe(503);
    expect(body.down).toEqual(['redis']);
  });

  it('is 503 naming S3 when the region buckets are missing', async () => {
    process.env.S3_BUCKET_PREFIX = 'cvmissing';
    const { status, body } = await callHealth();
    expect(status).toBe(503);
    expect(body.down).toEqual(['s3']);
  });
});
