// A sign-in refused by the throttle before any password check, on the audit trail like any other refusal.
import { typedEmailFingerprint } from '@/lib/auth/typed-email-fingerprint';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { db } from '@/lib/db';
import { clientInfo } from '@/lib/telemetry/request-context';

export async function auditThrottledSignIn(email: string): Promise<void> {
  const user = await db().user.findUnique({ where: { email }, select: { id: true } });
  const who = user ? {} : { emailFingerprint: typedEmailFingerprint(email) };
  await appendAuditEntry({
    actorType: 'user',
    actorId: user?.id ?? 'anonymous',
    action: 'auth.sign_in_failed',
    subjectType: 'user',
    subjectId: user?.id ?? 'unknown',
    details: { reason: 'throttled', ...who, method: 'credentials', ...clientInfo() },
  });
}
