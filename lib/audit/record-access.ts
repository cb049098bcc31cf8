// Access logging: who looked at what, as audit entries carrying the client's address and user agent.
// These entries are what the per-user access report reads, so every action name starts with "access.".
import type { TAuditAction, TAuditDetails, TAuditInput, TAuditSubjectOf } from '@/lib/audit/actions';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { DbTx } from '@/lib/db';
import { clientInfo } from '@/lib/telemetry/request-context';

export type TAccessAction = Extract<TAuditAction, `access.${string}`>;

export async function recordAccess<A extends TAccessAction>(
  user: { id: string; email: string },
  action: A,
  subject: { type: TAuditSubjectOf<A>; id: string },
  details: TAuditDetails<A>,
  tx?: DbTx,
): Promise<void> {
  const client = clientInfo();
  await appendAuditEntry(
    {
      actorType: 'user',
      actorId: user.id,
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      details: { ...details, user: user.email, ip: client.ip, userAgent: client.userAgent },
    } as TAuditInput,
    tx,
  );
}
