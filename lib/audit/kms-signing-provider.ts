// Signs with AWS KMS asymmetric keys (AUDIT_SIGNING_PROVIDER=kms): key spec ECC_NIST_EDWARDS25519 with
// ED25519_SHA_512 (plain Ed25519 over the message) or ECC_NIST_P256 with ECDSA_SHA_256 (DER signature).
// The private key never leaves KMS; the public half comes from the configuration or, when absent,
// from GetPublicKey once per process.
import { GetPublicKeyCommand, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import { createPublicKey } from 'node:crypto';
import { pickSigningKey, publishKey, type TLoadedSigningKey, type TPublishedKey, type TSigningAlgorithm } from '@/lib/audit/signing-keys';
import type { TSignature, TSigningProvider } from '@/lib/audit/provider-types';
import { signedMessage, type TSignaturePurpose } from '@/lib/audit/verify-signature';

export const KMS_SIGNING_ALGORITHMS: Record<TSigningAlgorithm, 'ED25519_SHA_512' | 'ECDSA_SHA_256'> = {
  Ed25519: 'ED25519_SHA_512',
  'ECDSA-P256-SHA256': 'ECDSA_SHA_256',
};

export class KmsSigningProvider implements TSigningProvider {
  private published: Promise<TPublishedKey[]> | undefined;

  constructor(
    private readonly client: KMSClient,
    private readonly keys: TLoadedSigningKey[],
    private readonly activeId: string | undefined,
  ) {
    if (keys.some((k) => k.config.privateKey))
      throw new Error('AUDIT_SIGNING_KEYS: privateKey is not allowed with AUDIT_SIGNING_PROVIDER=kms');
    pickSigningKey(keys, activeId, new Date());
  }

  async sign(purpose: TSignaturePurpose, digestHex: string, at: Date): Promise<TSignature> {
    const key = pickSigningKey(this.keys, this.activeId, at);
    const out = await this.client.send(
      new SignCommand({
        KeyId: key.config.kmsKeyId!,
        Message: signedMessage(purpose, digestHex),
        MessageType: 'RAW',
        SigningAlgorithm: KMS_SIGNING_ALGORITHMS[key.config.algorithm],
      }),
    );
    if (!out.Signature?.length) throw new Error(`KMS Sign for audit signing key "${key.config.id}" returned no signature`);
    return { keyId: key.config.id, signature: Buffer.from(out.Signature).toString('base64') };
  }

  private async publish(key: TLoadedSigningKey): Promise<TPublishedKey> {
    if (key.published) return key.published;
    const out = await this.client.send(new GetPublicKeyCommand({ KeyId: key.config.kmsKeyId! }));
    if (!out.PublicKey) throw new Error(`KMS GetPublicKey for audit signing key "${key.config.id}" returned no key`);
    return publishKey(key.config, createPublicKey({ key: Buffer.from(out.PublicKey), format: 'der', type: 'spki' }));
  }

  publishedKeys(): Promise<TPublishedKey[]> {
    this.published ??= Promise.all(this.keys.map((k) => this.publish(k))).catch((error: unknown) => {
      this.published = undefined;
      throw error;
    });
    return this.published;
  }
}
