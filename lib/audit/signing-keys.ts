// Asymmetric keys that sign what CallVault hands to outsiders (checkpoints, bundle manifests, sealed
// segments). Unlike the per-entry HMAC key, the public half verifies without being able to forge, so it
// is published (console page, /api/audit/keys, and inside every bundle). AUDIT_SIGNING_KEYS is a JSON
// array; each key has a validity period, and retired keys stay listed (public half only) so that
// everything they once signed keeps verifying after a rotation.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

export const SIGNING_ALGORITHMS = ['Ed25519', 'ECDSA-P256-SHA256'] as const;
export type TSigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

const base64 = z.string().regex(/^[A-Za-z0-9+/\s]+={0,2}$/, 'base64 (DER) or PEM');
const pemOrBase64 = z.union([z.string().startsWith('-----BEGIN'), base64]);

export const ZSigningKeyConfig = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore (1-64)'),
    algorithm: z.enum(SIGNING_ALGORITHMS).default('Ed25519'),
    /** Local signing: PKCS#8 private key (PEM, or base64 of the DER bytes). */
    privateKey: pemOrBase64.optional(),
    /** KMS signing: key id, ARN or alias of an asymmetric SIGN_VERIFY key. */
    kmsKeyId: z.string().min(1).optional(),
    /** SPKI public key (PEM or base64 DER); derived from privateKey, or fetched from KMS, when omitted. Required for retired keys. */
    publicKey: pemOrBase64.optional(),
    validFrom: z.iso.datetime({ offset: true }),
    /** Exclusive; absent while the key is in service. */
    validUntil: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((k) => !(k.privateKey && k.kmsKeyId), { message: 'give privateKey or kmsKeyId, not both' })
  .refine((k) => k.privateKey || k.publicKey || k.kmsKeyId, {
    message: 'publicKey is required for a retired key (no privateKey, no kmsKeyId)',
  })
  .refine((k) => !k.validUntil || Date.parse(k.validUntil) > Date.parse(k.validFrom), { message: 'validUntil must be after validFrom' });

export type TSigningKeyConfig = z.infer<typeof ZSigningKeyConfig>;

/** A public key as published: enough for anyone to verify, nothing that can sign. */
export type TPublishedKey = {
  keyId: string;
  algorithm: TSigningAlgorithm;
  /** base64 of the DER SubjectPublicKeyInfo. */
  publicKey: string;
  /** "sha256:" + hex SHA-256 of the DER SubjectPublicKeyInfo. */
  fingerprint: string;
  validFrom: string;
  validUntil: string | null;
};

export const KEYS_FORMAT = 'callvault-audit-keys';
export type TPublishedKeySet = { format: typeof KEYS_FORMAT; keys: TPublishedKey[] };

function keyObject(text: string, kind: 'private' | 'public'): KeyObject {
  const pem = text.trim().startsWith('-----BEGIN');
  const key = pem ? text : Buffer.from(text.replace(/\s+/g, ''), 'base64');
  if (kind === 'private') return createPrivateKey(pem ? key : { key, format: 'der', type: 'pkcs8' });
  return createPublicKey(pem ? key : { key, format: 'der', type: 'spki' });
}

function checkAlgorithm(key: KeyObject, algorithm: TSigningAlgorithm, id: string): void {
  const ok =
    algorithm === 'Ed25519'
      ? key.asymmetricKeyType === 'ed25519'
      : key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  if (!ok) throw new Error(`AUDIT_SIGNING_KEYS: key ${id} is not an ${algorithm} key`);
}

export function publishKey(config: TSigningKeyConfig, publicKey: KeyObject): TPublishedKey {
  checkAlgorithm(publicKey, config.algorithm, config.id);
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return {
    keyId: config.id,
    algorithm: config.algorithm,
    publicKey: der.toString('base64'),
    fingerprint: `sha256:${createHash('sha256').update(der).digest('hex')}`,
    validFrom: new Date(config.validFrom).toISOString(),
    validUntil: config.validUntil ? new Date(config.validUntil).toISOString() : null,
  };
}

export type TLoadedSigningKey = { config: TSigningKeyConfig; privateKey: KeyObject | null; published: TPublishedKey | null };

/** Parses AUDIT_SIGNING_KEYS; every error names the variable and the key. */
export function parseSigningKeys(json: string, source = 'AUDIT_SIGNING_KEYS'): TLoadedSigningKey[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`${source}: not valid JSON (expected an array of keys)`);
  }
  const parsed = z.array(ZSigningKeyConfig).min(1).safeParse(raw);
  if (!parsed.success) throw new Error(`${source}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const seen = new Set<string>();
  return parsed.data.map((config) => {
    if (seen.has(config.id)) throw new Error(`${source}: key ${config.id} is listed twice`);
    seen.add(config.id);
    try {
      const privateKey = config.privateKey ? keyObject(config.privateKey, 'private') : null;
      const publicKey = config.publicKey ? keyObject(config.publicKey, 'public') : privateKey ? createPublicKey(privateKey) : null;
      if (privateKey && config.publicKey && !createPublicKey(privateKey).equals(publicKey!))
        throw new Error('publicKey does not belong to privateKey');
      return { config, privateKey, published: publicKey ? publishKey(config, publicKey) : null };
    } catch (error) {
      throw new Error(`${source}: key ${config.id}: ${(error as Error).message}`);
    }
  });
}

/** The key that signs at `at`: the configured active one, else the newest in-service key that can sign. */
export function pickSigningKey(keys: TLoadedSigningKey[], activeId: string | undefined, at: Date): TLoadedSigningKey {
  const canSign = (k: TLoadedSigningKey) => Boolean(k.config.privateKey || k.config.kmsKeyId);
  const inService = (k: TLoadedSigningKey) =>
    Date.parse(k.config.validFrom) <= at.getTime() && (!k.config.validUntil || at.getTime() < Date.parse(k.config.validUntil));
  if (activeId) {
    const key = keys.find((k) => k.config.id === activeId);
    if (!key || !canSign(key)) throw new Error(`AUDIT_SIGNING_ACTIVE_KEY_ID: "${activeId}" is not a signing key in AUDIT_SIGNING_KEYS`);
    if (!inService(key)) throw new Error(`audit signing key "${activeId}" is outside its validity period at ${at.toISOString()}`);
    return key;
  }
  const candidates = keys
    .filter((k) => canSign(k) && inService(k))
    .sort((a, b) => Date.parse(b.config.validFrom) - Date.parse(a.config.validFrom));
  if (!candidates[0]) throw new Error(`AUDIT_SIGNING_KEYS: no signing key is valid at ${at.toISOString()}`);
  return candidates[0];
}
