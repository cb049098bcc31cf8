// HMAC-SHA256 keys held in process memory, from AUDIT_HMAC_KEYS (development, tests, and the
// offline verifier, which is handed the keys on its command line).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TAuditKeyProvider } from '@/lib/audit/provider-types';

const MIN_KEY_BYTES = 32;

/** Parses "keyId:base64secret,keyId2:base64secret2" (commas or newlines between entries). */
export function parseLocalKeys(spec: string, source = 'AUDIT_HMAC_KEYS'): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of spec
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'))) {
    const idx = part.indexOf(':');
    if (idx <= 0) throw new Error(`${source}: expected "keyId:base64secret" entries`);
    const keyId = part.slice(0, idx);
    const encoded = part.slice(idx + 1).trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new Error(`${source}: key ${keyId} is not base64`);
    const secret = Buffer.from(encoded, 'base64');
    if (secret.length < MIN_KEY_BYTES) throw new Error(`${source}: key ${keyId} must be at least ${MIN_KEY_BYTES} bytes`);
    if (keys.has(keyId)) throw new Error(`${source}: key ${keyId} is listed twice`);
    keys.set(keyId, secret);
  }
  if (keys.size === 0) throw new Error(`${source}: no keys configured`);
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

  hasKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  private key(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`audit key "${keyId}" is unknown to this provider`);
    return key;
  }

  async sign(keyId: string, message: string): Promise<string> {
    return createHmac('sha256', this.key(keyId)).update(message, 'utf8').digest('hex');
  }

  async verify(keyId: string, message: string, signatureHex: string): Promise<boolean> {
    if (!this.keys.has(keyId) || !/^[0-9a-f]{64}$/.test(signatureHex)) return false;
    const expected = Buffer.from(await this.sign(keyId, message), 'hex');
    return timingSafeEqual(Buffer.from(signatureHex, 'hex'), expected);
  }
}
