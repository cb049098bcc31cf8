// Local (email + password) sign-in with lockout. Every outcome is audited; the caller only ever
// learns "signed in" or "refused", so a refusal never tells whether the email exists, the account
// is disabled or locked. Passwords are never logged or audited.
import { createHash } from 'node:crypto';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export type TCredentials = { email: string; password: string };
export type TSignInUser = TUserRef & { name: string };

type TFailure = 'unknown_user' | 'no_password' | 'disabled' | 'locked' | 'bad_password';

let dummyHash: Promise<string> | undefined;

/** Unknown and password-less accounts still pay for one bcrypt comparison, so timing says nothing. */
async function burnCompare(password: string): Promise<void> {
  dummyHash ??= hashPassword('callvault-timing-equaliser');
  await verifyPassword(password, await dummyHash);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function auditFailure(userId: string | null, email: string, reason: TFailure): Promise<void> {
  // Unknown emails are kept as a hash: a password typed into the email field must not land in an append-only log.
  const details = userId ? { reason } : { reason, emailSha256: createHash('sha256').update(email).digest('hex') };
  await appendAuditEntry({
    actorType: 'user',
    actorId: userId ?? 'anonymous',
    action: 'auth.sign_in_failed',
    subjectType: 'user',
    subjectId: userId ?? 'unknown',
    details: { ...details, method: 'credentials' },
  });
}

/** Counts a wrong password; the threshold-th consecutive failure locks the account for AUTH_LOCKOUT_MINUTES. */
async function recordBadPassword(userId: string): Promise<void> {
  const { AUTH_LOCKOUT_THRESHOLD: threshold, AUTH_LOCKOUT_MINUTES: minutes } = env();
  await db().$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { failedLoginCount: { increment: 1 } },
      select: { failedLoginCount: true },
    });
    await appendAuditEntry(
      { actorType: 'user', actorId: userId, action: 'auth.sign_in_failed', subjectType: 'user', subjectId: userId, details: { reason: 'bad_password', method: 'credentials', consecutiveFailures: updated.failedLoginCount } },
      tx,
    );
    if (updated.failedLoginCount < threshold) return;
    const lockedUntil = new Date(Date.now() + minutes * 60_000);
    await tx.user.update({ where: { id: userId }, data: { lockedUntil, failedLoginCount: 0 } });
    await appendAuditEntry(
      { actorType: 'system', actorId: 'auth', action: 'auth.locked_out', subjectType: 'user', subjectId: userId, details: { lockedUntil: lockedUntil.toISOString(), failures: updated.failedLoginCount } },
      tx,
    );
  });
}

/** The user on success, null on any refusal (the reason is in the audit trail, not in the answer). */
export async function authorizeCredentials(input: TCredentials): Promise<TSignInUser | null> {
  const email = normalizeEmail(input.email);
  const user = await db().user.findUnique({ where: { email } });
  if (!user || !user.passwordHash) {
    await burnCompare(input.password);
    await auditFailure(user?.id ?? null, email, user ? 'no_password' : 'unknown_user');
    return null;
  }
  const passwordOk = await verifyPassword(input.password, user.passwordHash);
  if (user.disabled) return auditFailure(user.id, email, 'disabled').then(() => null);
  if (user.lockedUntil && user.lockedUntil > new Date()) return auditFailure(user.id, email, 'locked').then(() => null);
  if (!passwordOk) return recordBadPassword(user.id).then(() => null);

  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() } });
    await appendAuditEntry({ actorType: 'user', actorId: user.id, action: 'auth.sign_in', subjectType: 'user', subjectId: user.id, details: { method: 'credentials' } }, tx);
  });
  return { id: user.id, email: user.email, role: user.role, name: user.name };
}
