// The worker process refuses to start on a broken configuration, naming every problem in one message,
// before it touches Redis, Postgres or S3.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function startWorkers(overrides: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts'], {
    env: { ...process.env, ...overrides },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('start-up configuration check', () => {
  it('exits non-zero naming each broken cross-field setting', async () => {
    const { code, stderr } = await startWorkers({ AUDIT_KEY_PROVIDER: 'kms', AUDIT_HMAC_KEYS: '', OIDC_CLIENT_ID: 'console' });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toMatch(/AUDIT_KMS_KEYS: required when AUDIT_KEY_PROVIDER=kms/);
    expect(stderr).toMatch(/OIDC_ISSUER, OIDC_CLIENT_SECRET: required because OIDC_CLIENT_ID is set/);
  }, 30_000);

  it('names a signing key set that does not parse and an active HMAC key that is not configured', async () => {
    const { code, stderr } = await startWorkers({ AUDIT_ACTIVE_KEY_ID: 'missing-key', AUDIT_SIGNING_KEYS: '{"not":"an array"}' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/AUDIT_ACTIVE_KEY_ID: key "missing-key" is not in AUDIT_HMAC_KEYS/);
    expect(stderr).toMatch(/AUDIT_SIGNING_KEYS/);
  }, 30_000);
});
