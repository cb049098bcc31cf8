// What the audit trail keeps of the text typed as the email of a refused sign-in that matches no account: a
// keyed hash (HMAC-SHA256 under a key derived from NEXTAUTH_SECRET). The text may be a password typed into the
// wrong field, so it is never kept, and a plain SHA-256 would let anyone holding an export test guesses against
// it (common passwords, a bank's address list). Repeated attempts with the same text still share one value.
import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

export function typedEmailFingerprint(typed: string): string {
  const key = createHmac('sha256', env().NEXTAUTH_SECRET).update('callvault:typed-email-fingerprint').digest();
  return createHmac('sha256', key).update(typed).digest('hex');
}
