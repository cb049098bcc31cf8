// Local (email + password) sign-in, throttled per client address and per account-and-address in Redis
// (lib/auth/sign-in-throttle.ts). Every outcome is audited with the client's address and user agent; the
// caller only ever learns "signed in" or "refused", so a refusal never tells whether the email exists, the
// account is disabled or locked. Passwords are never logged or audited. A correct password stored under an
// older hash (bcrypt) is re-hashed with scrypt on the spot.
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { auditThrottledSignIn } from '@/lib/auth/audit-throttled-sign-in';
import { hashPassword, needsRehash, verifyPassword } from '@/lib/auth/password';
import { signInThrottle } from '@/lib/auth/sign-in-throttle';
import { typedEmailFingerprint } from '@/lib/auth/typed-email-fingerprint';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { clientInfo } from '@/lib/telemetry/request-context';

export type TCredentials = { email: string; password: string };
export type TSignInUser = TUserRef & { name: string };

type TFailure = 'unknown_user' | 'no_password' | 'disabled' | 'bad_password';

let dummyHash: Promise<string> | undefined;

/** Unknown and password-less accounts still pay for one hash comparison, so timing says nothing. */
async function burnCompare(password: string): Promise<void> {
  dummyHash ??= hashPassword('callvault-timing-equaliser');
  await verifyPassword(password, await dummyHash);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function refuse(userId: string | null, email: string, reason: TFailure): Promise<null> {
  // Unknown emails are kept as a keyed hash only: a password typed into the email field must not land in an append-only log.
  const who = userId ? {} : { emailFingerprint: typedEmailFingerprint(email) };
  const client = clientInfo();
  const lockedNow = await signInThrottle.failed(email, client.ip);
  await appendAuditEntry({
    actorType: 'user',
    actorId: userId ?? 'anonymous',
    action: 'auth.sign_in_failed',
    subjectType: 'user',
    subjectId: userId ?? 'unknown',
    details: { reason, ...who, method: 'credentials', ...client },
  });
  if (lockedNow) {
    await appendAuditEntry({
      actorType: 'system',
      actorId: 'auth',
      action: 'auth.locked_out',
      subjectType: 'user',
      subjectId: userId ?? 'unknown',
      details: { ...who, scope: 'account_from_address', ...client },
    });
  }
  return null;
}

async function succeed(user: { id: string; email: string; passwordHash: string }, password: string): Promise<void> {
  const client = clientInfo();
  await signInThrottle.succeeded(user.email, client.ip);
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date(), ...(rehash ? { passwordHash: rehash } : {}) },
    });
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: user.id,
        action: 'auth.sign_in',
        subjectType: 'user',
        subjectId: user.id,
        details: { method: 'credentials', rehashed: rehash !== null, ...client },
      },
      tx,
    );
  });
}

/** The user on success, null on any refusal (the reason is in the audit trail, not in the answer). */
export async function authorizeCredentials(input: TCredentials): Promise<TSignInUser | null> {
  const email = normalizeEmail(input.email);
  const user = await db().user.findUnique({ where: { email } });
  if ((await signInThrottle.retryAfter(email, clientInfo().ip)).seconds > 0) return auditThrottledSignIn(email).then(() => null);
  if (!user || !user.passwordHash) {
    await burnCompare(input.password);
    return refuse(user?.id ?? null, email, user ? 'no_password' : 'unknown_user');
  }
  const passwordOk = await verifyPassword(input.password, user.passwordHash);
  if (user.disabled) return refuse(user.id, email, 'disabled');
  if (!passwordOk) return refuse(user.id, email, 'bad_password');
  await succeed({ id: user.id, email: user.email, passwordHash: user.passwordHash }, input.password);
  return { id: user.id, email: user.email, role: user.role, name: user.name };
}
