// Signs with private keys held in process memory (AUDIT_SIGNING_PROVIDER=local).
import { sign } from 'node:crypto';
import { pickSigningKey, type TLoadedSigningKey, type TPublishedKey } from '@/lib/audit/signing-keys';
import type { TSignature, TSigningProvider } from '@/lib/audit/provider-types';
import { signedMessage, type TSignaturePurpose } from '@/lib/audit/verify-signature';

export class LocalSigningProvider implements TSigningProvider {
  constructor(
    private readonly keys: TLoadedSigningKey[],
    private readonly activeId: string | undefined,
  ) {
    if (keys.some((k) => k.config.kmsKeyId)) throw new Error('AUDIT_SIGNING_KEYS: kmsKeyId needs AUDIT_SIGNING_PROVIDER=kms');
    pickSigningKey(keys, activeId, new Date());
  }

  async sign(purpose: TSignaturePurpose, digestHex: string, at: Date): Promise<TSignature> {
    const key = pickSigningKey(this.keys, this.activeId, at);
    const message = signedMessage(purpose, digestHex);
    const signature =
      key.config.algorithm === 'Ed25519'
        ? sign(null, message, key.privateKey!)
        : sign('sha256', message, { key: key.privateKey!, dsaEncoding: 'der' });
    return { keyId: key.config.id, signature: signature.toString('base64') };
  }

  async publishedKeys(): Promise<TPublishedKey[]> {
    return this.keys.map((k) => k.published!);
  }
}
