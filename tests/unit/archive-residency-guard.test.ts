// Data residency at the last line of defence: whatever bucket a caller computed, an EU recording is never
// written to a US bucket (nor to a bucket that is not ours, nor to a region this deployment does not serve).
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  const fixed = actual.parseEnv({
    DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unit_test',
    REDIS_URL: 'redis://127.0.0.1:6379/15',
    S3_ACCESS_KEY_ID: 'unit',
    S3_SECRET_ACCESS_KEY: 'unit-secret',
    NEXTAUTH_SECRET: 'u'.repeat(40),
    S3_BUCKET_PREFIX: 'cvunit',
    RESIDENCY_REGIONS: 'us,eu',
  });
  return { ...actual, env: () => fixed };
});

const { assertSameRegion, recordingsBucketFor } = await import('@/lib/archive/assert-same-region');

describe('assertSameRegion', () => {
  it("lets a recording into its own region's bucket", () => {
    expect(() => assertSameRegion('eu', 'cvunit-recordings-eu')).not.toThrow();
    expect(recordingsBucketFor('us')).toBe('cvunit-recordings-us');
  });

  it('refuses an EU recording in a US bucket, naming both regions', () => {
    expect(() => assertSameRegion('eu', 'cvunit-recordings-us')).toThrow(
      expect.objectContaining({
        code: 'residency_violation',
        kind: 'permanent',
        details: expect.objectContaining({ recordingRegion: 'eu', bucketRegion: 'us' }),
      }),
    );
  });

  it('refuses buckets that are not ours and regions this deployment does not serve', () => {
    expect(() => assertSameRegion('eu', 'someone-elses-bucket-eu')).toThrow(expect.objectContaining({ code: 'residency_violation' }));
    expect(() => assertSameRegion('eu', 'othercv-recordings-eu')).toThrow(expect.objectContaining({ code: 'residency_violation' }));
    expect(() => assertSameRegion('au', 'cvunit-recordings-au')).toThrow(expect.objectContaining({ code: 'residency_violation' }));
    expect(() => recordingsBucketFor('au')).toThrow(expect.objectContaining({ code: 'residency_violation' }));
  });
});
