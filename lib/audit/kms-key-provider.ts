// AWS KMS HMAC keys (key spec HMAC_256): GenerateMac signs and VerifyMac verifies inside KMS, so
// the key material never reaches this process. AUDIT_KMS_KEYS maps our short key ids (stored on
// every entry) to KMS key ids/ARNs, which may change region or account without touching history.
import { GenerateMacCommand, VerifyMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { TAuditKeyProvider } from '@/lib/audit/provider-types';

export const KMS_MAC_ALGORITHM = 'HMAC_SHA_256' as const;

/** Parses "keyId=arn:aws:kms:...,keyId2=alias/..." (commas or newlines between entries). */
export function parseKmsKeys(spec: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const part of spec
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const idx = part.indexOf('=');
    if (idx <= 0 || idx === part.length - 1) throw new Error('AUDIT_KMS_KEYS: expected "keyId=kmsKeyIdOrArn" entries');
    const keyId = part.slice(0, idx).trim();
    if (keys.has(keyId)) throw new Error(`AUDIT_KMS_KEYS: key ${keyId} is listed twice`);
    keys.set(keyId, part.slice(idx + 1).trim());
  }
  if (keys.size === 0) throw new Error('AUDIT_KMS_KEYS: no keys configured');
  return keys;
}

export class KmsKeyProvider implements TAuditKeyProvider {
  constructor(
    private readonly client: KMSClient,
    private readonly keys: Map<string, string>,
    private readonly active: string,
  ) {
    if (!keys.has(active)) throw new Error(`AUDIT_ACTIVE_KEY_ID: key "${active}" is not in AUDIT_KMS_KEYS`);
  }

  activeKeyId(): string {
    return this.active;
  }

  hasKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  private kmsKeyId(keyId: string): string {
    const kmsKeyId = this.keys.get(keyId);
    if (!kmsKeyId) throw new Error(`audit key "${keyId}" is unknown to this provider`);
    return kmsKeyId;
  }

  async sign(keyId: string, message: string): Promise<string> {
    const out = await this.client.send(
      new GenerateMacCommand({ KeyId: this.kmsKeyId(keyId), MacAlgorithm: KMS_MAC_ALGORITHM, Message: Buffer.from(message, 'utf8') }),
    );
    if (!out.Mac || out.Mac.length !== 32) throw new Error(`KMS GenerateMac for audit key "${keyId}" returned no 32-byte MAC`);
    return Buffer.from(out.Mac).toString('hex');
  }

  async verify(keyId: string, message: string, signatureHex: string): Promise<boolean> {
    if (!this.keys.has(keyId) || !/^[0-9a-f]{64}$/.test(signatureHex)) return false;
    try {
      const out = await this.client.send(
        new VerifyMacCommand({
          KeyId: this.kmsKeyId(keyId),
          MacAlgorithm: KMS_MAC_ALGORITHM,
          Message: Buffer.from(message, 'utf8'),
          Mac: Buffer.from(signatureHex, 'hex'),
        }),
      );
      return out.MacValid === true;
    } catch (error) {
      // KMS answers a wrong MAC with an exception rather than MacValid: false.
      if ((error as { name?: string }).name === 'KMSInvalidMacException') return false;
      throw error;
    }
  }
}
