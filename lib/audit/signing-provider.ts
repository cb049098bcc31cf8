// Who signs checkpoints, bundle manifests and sealed segments: Ed25519/ECDSA keys held in process memory
// (development, tests, small installations) or AWS KMS asymmetric keys (production: the private key never
// leaves KMS). Both publish the same public-key set, so verifiers never care which one signed.
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsSigningProvider } from '@/lib/audit/kms-signing-provider';
import { LocalSigningProvider } from '@/lib/audit/local-signing-provider';
import type { TSignature, TSigningProvider } from '@/lib/audit/provider-types';
import { parseSigningKeys } from '@/lib/audit/signing-keys';
import { env, type TEnv } from '@/lib/env';

export type { TSignature, TSigningProvider };

type TSigningConfig = Pick<TEnv, 'AUDIT_SIGNING_PROVIDER' | 'AUDIT_SIGNING_KEYS' | 'AUDIT_SIGNING_ACTIVE_KEY_ID' | 'AUDIT_KMS_REGION'>;

export function createSigningProvider(config: TSigningConfig): TSigningProvider {
  if (!config.AUDIT_SIGNING_KEYS)
    throw new Error('AUDIT_SIGNING_KEYS is required (asymmetric keys that sign audit checkpoints and exports)');
  const keys = parseSigningKeys(config.AUDIT_SIGNING_KEYS);
  if (config.AUDIT_SIGNING_PROVIDER === 'kms') {
    const client = new KMSClient(config.AUDIT_KMS_REGION ? { region: config.AUDIT_KMS_REGION } : {});
    return new KmsSigningProvider(client, keys, config.AUDIT_SIGNING_ACTIVE_KEY_ID);
  }
  return new LocalSigningProvider(keys, config.AUDIT_SIGNING_ACTIVE_KEY_ID);
}

let cached: TSigningProvider | undefined;

export function signingProvider(): TSigningProvider {
  cached ??= createSigningProvider(env());
  return cached;
}

/** Replace (tests, rotation drills) or reset (undefined) the process-wide provider. */
export function setSigningProvider(provider: TSigningProvider | undefined): void {
  cached = provider;
}
