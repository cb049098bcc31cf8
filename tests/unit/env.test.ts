import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

const valid = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  S3_ACCESS_KEY_ID: 'a',
  S3_SECRET_ACCESS_KEY: 'b',
  NEXTAUTH_SECRET: 'x'.repeat(40),
};

describe('parseEnv', () => {
  it('applies documented defaults', () => {
    const env = parseEnv(valid);
    expect(env.RESIDENCY_REGIONS).toEqual(['us', 'eu']);
    expect(env.DURATION_TOLERANCE_SECONDS).toBe(2);
    expect(env.ARCHIVE_DEADLINE_MINUTES).toBe(15);
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
  });

  it('names the missing variable', () => {
    const { DATABASE_URL: _omit, ...rest } = valid;
    expect(() => parseEnv(rest)).toThrow(/DATABASE_URL/);
  });

  it('names the malformed variable and says why', () => {
    expect(() => parseEnv({ ...valid, REDIS_URL: 'http://nope' })).toThrow(/REDIS_URL: must be a redis:\/\/ URL/);
    expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: 'short' })).toThrow(/NEXTAUTH_SECRET: at least 32/);
    expect(() => parseEnv({ ...valid, S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
  });

  it('treats empty assignments as unset', () => {
    expect(parseEnv({ ...valid, OIDC_ISSUER: '' }).OIDC_ISSUER).toBeUndefined();
  });

  it('parses the region list', () => {
    expect(parseEnv({ ...valid, RESIDENCY_REGIONS: 'eu, uk' }).RESIDENCY_REGIONS).toEqual(['eu', 'uk']);
    expect(() => parseEnv({ ...valid, RESIDENCY_REGIONS: 'EU West' })).toThrow(/RESIDENCY_REGIONS/);
  });
});
