// Asymmetric audit signing: key configuration, validity periods, local Ed25519/ECDSA signing, and the KMS
// provider's calls (parameters asserted with aws-sdk-client-mock; the mocked signatures are real ones made
// with a key pair whose public half KMS "returns", so verification is checked end to end).
import { generateKeyPairSync, sign } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsSigningProvider } from '@/lib/audit/kms-signing-provider';
import { LocalSigningProvider } from '@/lib/audit/local-signing-provider';
import { parseSigningKeys, pickSigningKey } from '@/lib/audit/signing-keys';
import { createSigningProvider } from '@/lib/audit/signing-provider';
import { keyValidAt, parsePublishedKeys, signedMessage, verifySignature } from '@/lib/audit/verify-signature';

const digest = 'ab'.repeat(32);
const der = (kind: 'ed25519' | 'ec') => {
  const pair = kind === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    pair,
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
};

describe('audit signing keys', () => {
  it('signs locally with Ed25519 and ECDSA P-256; signatures verify with the published key only', async () => {
    const ed = der('ed25519');
    const ec = der('ec');
    const keys = parseSigningKeys(
      JSON.stringify([
        { id: 'old', privateKey: ed.privateKey, validFrom: '2020-01-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' },
        { id: 'new', algorithm: 'ECDSA-P256-SHA256', privateKey: ec.privateKey, validFrom: '2025-01-01T00:00:00Z' },
      ]),
    );
    const signer = new LocalSigningProvider(keys, undefined);
    const [oldKey, newKey] = await signer.publishedKeys();
    expect(oldKey).toMatchObject({ keyId: 'old', algorithm: 'Ed25519', publicKey: ed.publicKey, validUntil: '2025-01-01T00:00:00.000Z' });
    expect(newKey!.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const before = await signer.sign('checkpoint', digest, new Date('2024-06-01T00:00:00Z'));
    const after = await signer.sign('checkpoint', digest, new Date('2026-06-01T00:00:00Z'));
    expect([before.keyId, after.keyId]).toEqual(['old', 'new']);
    expect(verifySignature(oldKey!, signedMessage('checkpoint', digest), before.signature)).toBe(true);
    expect(verifySignature(newKey!, signedMessage('checkpoint', digest), after.signature)).toBe(true);
    expect(verifySignature(newKey!, signedMessage('manifest', digest), after.signature)).toBe(false);
    expect(verifySignature(oldKey!, signedMessage('checkpoint', digest), after.signature)).toBe(false);
    expect(keyValidAt(oldKey!, '2025-01-01T00:00:00.000Z')).toBe(false);
    expect(keyValidAt(newKey!, '2025-01-01T00:00:00.000Z')).toBe(true);
  });

  it('refuses malformed configurations with a message naming the key', () => {
    const ed = der('ed25519');
    const ec = der('ec');
    expect(() => parseSigningKeys('not json')).toThrow(/AUDIT_SIGNING_KEYS: not valid JSON/);
    expect(() => parseSigningKeys('[]')).toThrow(/AUDIT_SIGNING_KEYS/);
    expect(() => parseSigningKeys(JSON.stringify([{ id: 'a', validFrom: '2020-01-01T00:00:00Z' }]))).toThrow(
      /publicKey is required for a retired key/,
    );
    expect(() =>
      parseSigningKeys(
        JSON.stringify([{ id: 'a', algorithm: 'ECDSA-P256-SHA256', privateKey: ed.privateKey, validFrom: '2020-01-01T00:00:00Z' }]),
      ),
    ).toThrow(/key a is not an ECDSA-P256-SHA256 key/);
    expect(() =>
      parseSigningKeys(
        JSON.stringify([{ id: 'a', privateKey: ed.privateKey, publicKey: der('ed25519').publicKey, validFrom: '2020-01-01T00:00:00Z' }]),
      ),
    ).toThrow(/does not belong/);
    const dup = { id: 'a', privateKey: ed.privateKey, validFrom: '2020-01-01T00:00:00Z' };
    expect(() => parseSigningKeys(JSON.stringify([dup, dup]))).toThrow(/listed twice/);
    const retiredOnly = parseSigningKeys(
      JSON.stringify([{ id: 'r', algorithm: 'ECDSA-P256-SHA256', publicKey: ec.publicKey, validFrom: '2020-01-01T00:00:00Z' }]),
    );
    expect(() => pickSigningKey(retiredOnly, undefined, new Date())).toThrow(/no signing key is valid/);
    expect(() =>
      createSigningProvider({
        AUDIT_SIGNING_PROVIDER: 'local',
        AUDIT_SIGNING_KEYS: undefined,
        AUDIT_SIGNING_ACTIVE_KEY_ID: undefined,
        AUDIT_KMS_REGION: undefined,
      }),
    ).toThrow(/AUDIT_SIGNING_KEYS is required/);
  });

  it('reads a published key set and rejects a fingerprint that does not match its key', async () => {
    const ed = der('ed25519');
    const signer = new LocalSigningProvider(
      parseSigningKeys(JSON.stringify([{ id: 'k', privateKey: ed.privateKey, validFrom: '2020-01-01T00:00:00Z' }])),
      undefined,
    );
    const set = { format: 'callvault-audit-keys', keys: await signer.publishedKeys() };
    expect(parsePublishedKeys(JSON.stringify(set))).toEqual(set.keys);
    expect(() => parsePublishedKeys(JSON.stringify({ keys: [{ ...set.keys[0], fingerprint: `sha256:${'0'.repeat(64)}` }] }))).toThrow(
      /fingerprint does not match/,
    );
    expect(() => parsePublishedKeys('{"keys":[]}')).toThrow(/published keys/);
  });
});

describe('KmsSigningProvider', () => {
  const kms = mockClient(KMSClient);
  afterEach(() => kms.reset());

  it('signs with Sign (RAW message, ED25519_SHA_512 or ECDSA_SHA_256) and publishes GetPublicKey', async () => {
    const ed = der('ed25519');
    const ec = der('ec');
    kms
      .on(SignCommand, { KeyId: 'arn:ed' })
      .callsFake((input: { Message: Uint8Array }) => ({ Signature: sign(null, input.Message, ed.pair.privateKey) }));
    kms.on(SignCommand, { KeyId: 'arn:ec' }).callsFake((input: { Message: Uint8Array }) => ({
      Signature: sign('sha256', input.Message, { key: ec.pair.privateKey, dsaEncoding: 'der' }),
    }));
    kms.on(GetPublicKeyCommand, { KeyId: 'arn:ed' }).resolves({ PublicKey: Buffer.from(ed.publicKey, 'base64') });
    const keys = parseSigningKeys(
      JSON.stringify([
        { id: 'kms-ed', kmsKeyId: 'arn:ed', validFrom: '2020-01-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' },
        { id: 'kms-ec', algorithm: 'ECDSA-P256-SHA256', kmsKeyId: 'arn:ec', publicKey: ec.publicKey, validFrom: '2025-01-01T00:00:00Z' },
      ]),
    );
    const signer = new KmsSigningProvider(new KMSClient({ region: 'eu-west-1' }), keys, undefined);
    const old = await signer.sign('manifest', digest, new Date('2024-01-01T00:00:00Z'));
    const now = await signer.sign('manifest', digest, new Date());
    const calls = kms.commandCalls(SignCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([
      { KeyId: 'arn:ed', Message: signedMessage('manifest', digest), MessageType: 'RAW', SigningAlgorithm: 'ED25519_SHA_512' },
      { KeyId: 'arn:ec', Message: signedMessage('manifest', digest), MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' },
    ]);
    const published = await signer.publishedKeys();
    await signer.publishedKeys();
    expect(kms.commandCalls(GetPublicKeyCommand).map((c) => c.args[0].input)).toEqual([{ KeyId: 'arn:ed' }]);
    expect(verifySignature(published[0]!, signedMessage('manifest', digest), old.signature)).toBe(true);
    expect(verifySignature(published[1]!, signedMessage('manifest', digest), now.signature)).toBe(true);
    expect(
      () =>
        new KmsSigningProvider(
          new KMSClient({}),
          parseSigningKeys(JSON.stringify([{ id: 'x', privateKey: ed.privateKey, validFrom: '2020-01-01T00:00:00Z' }])),
          undefined,
        ),
    ).toThrow(/privateKey is not allowed/);
  });

  it('fails loudly when KMS returns no signature', async () => {
    kms.on(SignCommand).resolves({});
    const keys = parseSigningKeys(
      JSON.stringify([{ id: 'k', kmsKeyId: 'arn:k', publicKey: der('ed25519').publicKey, validFrom: '2020-01-01T00:00:00Z' }]),
    );
    await expect(
      new KmsSigningProvider(new KMSClient({ region: 'eu-west-1' }), keys, 'k').sign('checkpoint', digest, new Date()),
    ).rejects.toThrow(/returned no signature/);
  });
});
