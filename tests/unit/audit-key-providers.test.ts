import { createHmac, randomBytes } from 'node:crypto';
import { GenerateMacCommand, KMSClient, KMSInvalidMacException, VerifyMacCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditKeyProvider } from '@/lib/audit/key-provider';
import { KmsKeyProvider, parseKmsKeys } from '@/lib/audit/kms-key-provider';
import { LocalKeyProvider, parseLocalKeys } from '@/lib/audit/local-key-provider';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const spec = `k1:${k1.toString('base64')},k2:${k2.toString('base64')}`;

describe('LocalKeyProvider', () => {
  it('signs with the named key (HMAC-SHA256, hex) and verifies with any configured key', async () => {
    const provider = new LocalKeyProvider(parseLocalKeys(spec), 'k2');
    expect(provider.activeKeyId()).toBe('k2');
    const sig = await provider.sign('k1', 'message');
    expect(sig).toBe(createHmac('sha256', k1).update('message').digest('hex'));
    expect(await provider.verify('k1', 'message', sig)).toBe(true);
    expect(await provider.verify('k2', 'message', sig)).toBe(false);
    expect(await provider.verify('k1', 'messagf', sig)).toBe(false);
    expect(await provider.verify('k1', 'message', sig.toUpperCase())).toBe(false);
    expect(await provider.verify('k3', 'message', sig)).toBe(false);
    expect(provider.hasKey('k1')).toBe(true);
    expect(provider.hasKey('k3')).toBe(false);
  });

  it('rejects weak, malformed, duplicate and unknown-active keys', () => {
    expect(() => parseLocalKeys(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/at least 32 bytes/);
    expect(() => parseLocalKeys('k1')).toThrow(/keyId:base64secret/);
    expect(() => parseLocalKeys('k1:not base64!')).toThrow(/not base64/);
    expect(() => parseLocalKeys(`${spec},k1:${k2.toString('base64')}`)).toThrow(/listed twice/);
    expect(() => parseLocalKeys(' , ')).toThrow(/no keys/);
    expect(() => new LocalKeyProvider(parseLocalKeys(spec), 'k9')).toThrow(/AUDIT_ACTIVE_KEY_ID/);
  });
});

describe('KmsKeyProvider', () => {
  const kms = mockClient(KMSClient);
  afterEach(() => kms.reset());
  const keys = parseKmsKeys('k1=arn:aws:kms:eu-west-1:111122223333:key/aaaa, k2=arn:aws:kms:eu-west-1:111122223333:key/bbbb');
  const provider = () => new KmsKeyProvider(new KMSClient({ region: 'eu-west-1' }), keys, 'k2');

  it('signs with GenerateMac on the mapped KMS key, HMAC_SHA_256, over the UTF-8 message bytes', async () => {
    const mac = randomBytes(32);
    kms.on(GenerateMacCommand).resolves({ Mac: mac, MacAlgorithm: 'HMAC_SHA_256' });
    expect(await provider().sign('k2', 'é-hash')).toBe(mac.toString('hex'));
    const calls = kms.commandCalls(GenerateMacCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input.KeyId).toBe('arn:aws:kms:eu-west-1:111122223333:key/bbbb');
    expect(input.MacAlgorithm).toBe('HMAC_SHA_256');
    expect(Buffer.from(input.Message!).equals(Buffer.from('é-hash', 'utf8'))).toBe(true);
  });

  it('fails loudly when KMS returns no usable MAC', async () => {
    kms.on(GenerateMacCommand).resolves({});
    await expect(provider().sign('k1', 'x')).rejects.toThrow(/no 32-byte MAC/);
  });

  it('verifies with VerifyMac and maps MacValid and KMSInvalidMacException to a boolean', async () => {
    const sig = randomBytes(32).toString('hex');
    kms.on(VerifyMacCommand).resolvesOnce({ MacValid: true }).resolvesOnce({ MacValid: false });
    expect(await provider().verify('k1', 'hash', sig)).toBe(true);
    expect(await provider().verify('k1', 'hash', sig)).toBe(false);
    const input = kms.commandCalls(VerifyMacCommand)[0]!.args[0].input;
    expect(input.KeyId).toBe('arn:aws:kms:eu-west-1:111122223333:key/aaaa');
    expect(input.MacAlgorithm).toBe('HMAC_SHA_256');
    expect(Buffer.from(input.Message!).toString('utf8')).toBe('hash');
    expect(Buffer.from(input.Mac!).toString('hex')).toBe(sig);

    kms.on(VerifyMacCommand).rejects(new KMSInvalidMacException({ message: 'invalid mac', $metadata: {} }));
    expect(await provider().verify('k1', 'hash', sig)).toBe(false);
  });

  it('does not call KMS for unknown keys or malformed signatures, and surfaces other KMS errors', async () => {
    expect(await provider().verify('k9', 'hash', 'a'.repeat(64))).toBe(false);
    expect(await provider().verify('k1', 'hash', 'zz')).toBe(false);
    expect(kms.calls()).toHaveLength(0);
    kms.on(VerifyMacCommand).rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    await expect(provider().verify('k1', 'hash', 'a'.repeat(64))).rejects.toThrow('throttled');
  });
});

describe('createAuditKeyProvider', () => {
  it('picks the provider named by AUDIT_KEY_PROVIDER, the active key defaulting to the last listed', () => {
    const local = createAuditKeyProvider({
      AUDIT_KEY_PROVIDER: 'local',
      AUDIT_HMAC_KEYS: spec,
      AUDIT_ACTIVE_KEY_ID: undefined,
      AUDIT_KMS_KEYS: undefined,
      AUDIT_KMS_REGION: undefined,
    });
    expect(local).toBeInstanceOf(LocalKeyProvider);
    expect(local.activeKeyId()).toBe('k2');
    const kmsProvider = createAuditKeyProvider({
      AUDIT_KEY_PROVIDER: 'kms',
      AUDIT_HMAC_KEYS: undefined,
      AUDIT_ACTIVE_KEY_ID: 'k1',
      AUDIT_KMS_KEYS: 'k1=alias/audit-2026,k2=alias/audit-2027',
      AUDIT_KMS_REGION: 'eu-west-1',
    });
    expect(kmsProvider).toBeInstanceOf(KmsKeyProvider);
    expect(kmsProvider.activeKeyId()).toBe('k1');
  });

  it('names the missing variable', () => {
    expect(() =>
      createAuditKeyProvider({
        AUDIT_KEY_PROVIDER: 'kms',
        AUDIT_HMAC_KEYS: spec,
        AUDIT_ACTIVE_KEY_ID: undefined,
        AUDIT_KMS_KEYS: undefined,
        AUDIT_KMS_REGION: undefined,
      }),
    ).toThrow(/AUDIT_KMS_KEYS/);
    expect(() =>
      createAuditKeyProvider({
        AUDIT_KEY_PROVIDER: 'local',
        AUDIT_HMAC_KEYS: undefined,
        AUDIT_ACTIVE_KEY_ID: undefined,
        AUDIT_KMS_KEYS: undefined,
        AUDIT_KMS_REGION: undefined,
      }),
    ).toThrow(/AUDIT_HMAC_KEYS/);
    expect(() => parseKmsKeys('k1')).toThrow(/keyId=kmsKeyIdOrArn/);
  });
});
