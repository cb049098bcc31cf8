// Checks an asymmetric signature against a published public key, with node:crypto alone (this file is
// part of the standalone verifier). What is signed is always the ASCII text
// "callvault-audit:<purpose>:<64 hex digest>", so a signature made for one purpose (a checkpoint) can
// never be replayed as another (a bundle manifest).
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { TPublishedKey } from '@/lib/audit/signing-keys';

export type TSignaturePurpose = 'checkpoint' | 'manifest' | 'evidence';

export function signedMessage(purpose: TSignaturePurpose, digestHex: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(digestHex)) throw new TypeError('signedMessage: digest must be 64 lower-case hex digits');
  return Buffer.from(`callvault-audit:${purpose}:${digestHex}`, 'ascii');
}

export function verifySignature(key: TPublishedKey, message: Buffer, signatureBase64: string): boolean {
  if (typeof signatureBase64 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  const signature = Buffer.from(signatureBase64, 'base64');
  try {
    const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.algorithm === 'Ed25519') return publicKey.asymmetricKeyType === 'ed25519' && verify(null, message, publicKey, signature);
    return publicKey.asymmetricKeyType === 'ec' && verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/** Whether the key may have made a signature at `at` (validFrom inclusive, validUntil exclusive). */
export function keyValidAt(key: Pick<TPublishedKey, 'validFrom' | 'validUntil'>, at: string): boolean {
  const t = Date.parse(at);
  return Number.isFinite(t) && t >= Date.parse(key.validFrom) && (key.validUntil === null || t < Date.parse(key.validUntil));
}

/**
 * Reads a key set as published by /api/audit/keys ({"format":"callvault-audit-keys","keys":[...]}) or a
 * bare array of keys. Each fingerprint must match its key, so a mistyped or swapped key is caught here.
 */
export function parsePublishedKeys(json: string): TPublishedKey[] {
  const raw = JSON.parse(json) as unknown;
  const list = Array.isArray(raw) ? raw : (raw as { keys?: unknown })?.keys;
  if (!Array.isArray(list) || list.length === 0) throw new Error('expected {"keys":[...]} or an array of published keys');
  return list.map((k: Record<string, unknown>, i) => {
    const where = `key ${i + 1}${typeof k?.keyId === 'string' ? ` (${k.keyId})` : ''}`;
    if (typeof k !== 'object' || k === null) throw new Error(`${where}: not an object`);
    if (typeof k.keyId !== 'string' || !k.keyId) throw new Error(`${where}: keyId missing`);
    if (k.algorithm !== 'Ed25519' && k.algorithm !== 'ECDSA-P256-SHA256')
      throw new Error(`${where}: unknown algorithm ${String(k.algorithm)}`);
    if (typeof k.publicKey !== 'string' || typeof k.validFrom !== 'string' || Number.isNaN(Date.parse(k.validFrom)))
      throw new Error(`${where}: publicKey and validFrom are required`);
    if (k.validUntil !== null && k.validUntil !== undefined && (typeof k.validUntil !== 'string' || Number.isNaN(Date.parse(k.validUntil))))
      throw new Error(`${where}: validUntil is not a date`);
    const fingerprint = `sha256:${createHash('sha256').update(Buffer.from(k.publicKey, 'base64')).digest('hex')}`;
    if (k.fingerprint !== undefined && k.fingerprint !== fingerprint)
      throw new Error(`${where}: fingerprint does not match the public key`);
    return {
      keyId: k.keyId,
      algorithm: k.algorithm,
      publicKey: k.publicKey,
      fingerprint,
      validFrom: k.validFrom,
      validUntil: (k.validUntil as string | null | undefined) ?? null,
    };
  });
}
