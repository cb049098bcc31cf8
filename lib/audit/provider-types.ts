// The interfaces of the audit key providers (HMAC entry signing) and signing providers (checkpoints, manifests,
// segments), apart from the factories that pick an implementation, so implementations and factories do not
// import each other.
import type { TPublishedKey } from '@/lib/audit/signing-keys';
import type { TSignaturePurpose } from '@/lib/audit/verify-signature';

export interface TAuditKeyProvider {
  /** The key id new entries are signed with. */
  activeKeyId(): string;
  /** Whether this provider can sign/verify with keyId at all (lets verifiers say "key missing", not "forged"). */
  hasKey(keyId: string): boolean;
  /** HMAC-SHA256 of the UTF-8 message with the given key, lower-case hex. */
  sign(keyId: string, message: string): Promise<string>;
  verify(keyId: string, message: string, signatureHex: string): Promise<boolean>;
}

export type TSignature = { keyId: string; signature: string };

export interface TSigningProvider {
  /** Signs "callvault-audit:<purpose>:<digest>" with the key in service at `at`; base64 signature. */
  sign(purpose: TSignaturePurpose, digestHex: string, at: Date): Promise<TSignature>;
  /** Every configured key's public half with its validity period, retired keys included. */
  publishedKeys(): Promise<TPublishedKey[]>;
}
