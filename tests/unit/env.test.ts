import { describe, expect, it } from 'vitest';
import { configProblems, envValue, parseEnv } from '@/lib/env';

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
    expect(env.QUARANTINE_SLA_HOURS).toBe(24);
  });

  it('takes a positive quarantine SLA in hours and refuses anything else', () => {
    expect(parseEnv({ ...valid, QUARANTINE_SLA_HOURS: '4.5' }).QUARANTINE_SLA_HOURS).toBe(4.5);
    expect(() => parseEnv({ ...valid, QUARANTINE_SLA_HOURS: '0' })).toThrow(/QUARANTINE_SLA_HOURS/);
    expect(() => parseEnv({ ...valid, QUARANTINE_SLA_HOURS: 'a day' })).toThrow(/QUARANTINE_SLA_HOURS/);
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

describe('configProblems', () => {
  const complete = {
    ...valid,
    S3_ENDPOINT: 'http://127.0.0.1:7480',
    AUDIT_HMAC_KEYS: 'k1:c2VjcmV0',
    AUDIT_SIGNING_KEYS: '[]',
  };

  it('accepts a complete local configuration', () => {
    expect(configProblems(complete)).toEqual([]);
  });

  it('names every broken rule between variables at once', () => {
    const problems = configProblems({
      ...complete,
      AUDIT_KEY_PROVIDER: 'kms',
      OIDC_ISSUER: 'https://idp.example.com',
      S3_ENDPOINT: '',
      AUDIT_REGION: 'apac',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AUDIT_KMS_KEYS: required when AUDIT_KEY_PROVIDER=kms/),
        expect.stringMatching(/^AUDIT_HMAC_KEYS: must be unset/),
        expect.stringMatching(/^AUDIT_KMS_REGION: required/),
        expect.stringMatching(/^OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: required because OIDC_ISSUER is set/),
        expect.stringMatching(/^S3_FORCE_PATH_STYLE: must be false when S3_ENDPOINT is unset/),
        expect.stringMatching(/^AUDIT_REGION: "apac" is not one of RESIDENCY_REGIONS/),
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('reports malformed values together with the rules between variables', () => {
    const problems = configProblems({ ...complete, REDIS_URL: 'http://nope', AUDIT_SIGNING_KEYS: '' });
    expect(problems).toEqual([expect.stringMatching(/^REDIS_URL:/), expect.stringMatching(/^AUDIT_SIGNING_KEYS: required/)]);
  });
});

describe('envValue', () => {
  it('reads one variable through its rule', () => {
    expect(envValue('LOG_LEVEL', {})).toBe('info');
    expect(envValue('LOG_LEVEL', { LOG_LEVEL: 'debug' })).toBe('debug');
    expect(() => envValue('LOG_LEVEL', { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
