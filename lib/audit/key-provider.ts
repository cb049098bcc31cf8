// Audit signing keys behind one interface. Local keys (env) for development and tests;
// production uses AWS KMS HMAC keys, where the key material never leaves the KMS.
// Every entry records the id of the key that signed it, so keys rotate without re-signing
// history: the active key signs new entries, retired keys stay configured to verify old ones.
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsKeyProvider, parseKmsKeys } from '@/lib/audit/kms-key-provider';
import { LocalKeyProvider, parseLocalKeys } from '@/lib/audit/local-key-provider';
import type { TAuditKeyProvider } from '@/lib/audit/provider-types';
import { env, type TEnv } from '@/lib/env';

export type { TAuditKeyProvider };

type TKeyConfig = Pick<TEnv, 'AUDIT_KEY_PROVIDER' | 'AUDIT_HMAC_KEYS' | 'AUDIT_ACTIVE_KEY_ID' | 'AUDIT_KMS_KEYS' | 'AUDIT_KMS_REGION'>;

/** Builds the provider AUDIT_KEY_PROVIDER names; the active key defaults to the last one listed. */
export function createAuditKeyProvider(config: TKeyConfig): TAuditKeyProvider {
  if (config.AUDIT_KEY_PROVIDER === 'kms') {
    if (!config.AUDIT_KMS_KEYS) throw new Error('AUDIT_KMS_KEYS is required when AUDIT_KEY_PROVIDER=kms');
    const keys = parseKmsKeys(config.AUDIT_KMS_KEYS);
    const client = new KMSClient(config.AUDIT_KMS_REGION ? { region: config.AUDIT_KMS_REGION } : {});
    return new KmsKeyProvider(client, keys, config.AUDIT_ACTIVE_KEY_ID ?? [...keys.keys()].at(-1)!);
  }
  if (!config.AUDIT_HMAC_KEYS) throw new Error('AUDIT_HMAC_KEYS is required when AUDIT_KEY_PROVIDER=local');
  const keys = parseLocalKeys(config.AUDIT_HMAC_KEYS);
  return new LocalKeyProvider(keys, config.AUDIT_ACTIVE_KEY_ID ?? [...keys.keys()].at(-1)!);
}

let cached: TAuditKeyProvider | undefined;

/** The process-wide provider, built from the environment on first use. */
export function auditKeyProvider(): TAuditKeyProvider {
  cached ??= createAuditKeyProvider(env());
  return cached;
}

/** Replace (tests, key rotation drills) or reset (undefined) the process-wide provider. */
export function setAuditKeyProvider(provider: TAuditKeyProvider | undefined): void {
  cached = provider;
}
