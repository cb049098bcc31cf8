// Access logging: who looked at what, as audit entries carrying the client's address and user agent.
// These entries are what the per-user access report reads, so every action name starts with "access.".
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import type { DbTx } from '@/lib/db';
import { clientInfo } from '@/lib/http/request-context';

export type TAccessAction = 'access.search' | 'access.recording_viewed' | 'access.denied' | 'access.report_viewed';

export async function recordAccess(
  user: Pick<TUserRef, 'id' | 'email'>,
  action: TAccessAction,
  subject: { type: string; id: string },
  details: Record<string, unknown>,
  tx?: DbTx,
): Promise<void> {
  const client = clientInfo();
  await appendAuditEntry(
    { actorType: 'user', actorId: user.id, action, subjectType: subject.type, subjectId: subject.id, details: { ...details, user: user.email, ip: client.ip, userAgent: client.userAgent } },
    tx,
  );
}
