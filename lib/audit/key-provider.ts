// Audit signing keys behind one interface. Local keys (env) for development and tests;
// production uses an HSM/KMS-backed provider where the HMAC key never leaves the KMS.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

export interface TAuditKeyProvider {
  /** The key id new entries are signed with. */
  activeKeyId(): string;
  /** HMAC-SHA256 of message with the given key, hex. */
  sign(keyId: string, message: string): Promise<string>;
  verify(keyId: string, message: string, signatureHex: string): Promise<boolean>;
}

/** Parses "keyId:base64secret,keyId2:base64secret2". */
export function parseLocalKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const idx = part.indexOf(':');
    if (idx <= 0) throw new Error('AUDIT_HMAC_KEYS: expected "keyId:base64secret" entries');
    const secret = Buffer.from(part.slice(idx + 1), 'base64');
    if (secret.length < 32) throw new Error(`AUDIT_HMAC_KEYS: key ${part.slice(0, idx)} must be at least 32 bytes`);
    keys.set(part.slice(0, idx), secret);
  }
  if (keys.size === 0) throw new Error('AUDIT_HMAC_KEYS: no keys configured');
  return keys;
}

export class LocalKeyProvider implements TAuditKeyProvider {
  constructor(
    private readonly keys: Map<string, Buffer>,
    private readonly active: string,
  ) {
    if (!keys.has(active)) throw new Error(`AUDIT_ACTIVE_KEY_ID: key "${active}" is not in AUDIT_HMAC_KEYS`);
  }

  activeKeyId(): string {
    return this.active;
  }

  private key(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`audit key "${keyId}" is unknown to this provider`);
    return key;
  }

  async sign(keyId: string, message: string): Promise<string> {
    return createHmac('sha256', this.key(keyId)).update(message).digest('hex');
  }

  async verify(keyId: string, message: string, signatureHex: string): Promise<boolean> {
    if (!this.keys.has(keyId)) return false;
    const expected = Buffer.from(await this.sign(keyId, message), 'hex');
    const given = Buffer.from(signatureHex, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

let cached: TAuditKeyProvider | undefined;

export function auditKeyProvider(): TAuditKeyProvider {
  if (cached) return cached;
  const config = env();
  if (config.AUDIT_KEY_PROVIDER !== 'local') throw new Error('AUDIT_KEY_PROVIDER=kms: see lib/audit/kms-key-provider.ts');
  if (!config.AUDIT_HMAC_KEYS) throw new Error('AUDIT_HMAC_KEYS is required when AUDIT_KEY_PROVIDER=local');
  const keys = parseLocalKeys(config.AUDIT_HMAC_KEYS);
  cached = new LocalKeyProvider(keys, config.AUDIT_ACTIVE_KEY_ID ?? [...keys.keys()].at(-1)!);
  return cached;
}

export function setAuditKeyProvider(provider: TAuditKeyProvider | undefined): void {
  cached = provider;
}
