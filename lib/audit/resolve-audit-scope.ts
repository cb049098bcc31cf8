// Turns an export scope into what the exporter pages through: a sequence range of the chain
// (time bounds resolved to sequence numbers, so the bundle is a stable snapshot even while writers
// keep appending) and, for recording/case scopes, a subject filter inside that range.
import { idempotencyKey } from '@/lib/queue/contracts';
import { AppError } from '@/lib/http/app-error';
import { scopeInstant, type TAuditScope } from '@/lib/audit/scope';
import type { TSequenceRange } from '@/lib/audit/bundle-format';
import type { TAuditFilter } from '@/lib/audit/stream-audit-entries';
import { db, type DbTx } from '@/lib/db';

export type TResolvedScope = {
  /** null: nothing in the chain falls in the scope's time range. */
  range: TSequenceRange | null;
  /** null: every entry of the range (the bundle must then be contiguous). */
  filter: TAuditFilter | null;
  chainHead: { sequence: string; entryHash: string } | null;
};

async function addRecordings(client: DbTx, ids: string[], filter: TAuditFilter): Promise<void> {
  const rows = await client.recording.findMany({
    where: { id: { in: ids } },
    select: { id: true, vendorSource: true, vendorRecordingId: true },
  });
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new AppError('not_found', `Recording not found: ${missing.join(', ')}`, { recordingIds: missing });
  // Entries written before the Recording row existed carry only the idempotency key as subject.
  filter.subjects.push({ subjectType: 'recording', subjectIds: rows.map((r) => idempotencyKey(r.vendorSource, r.vendorRecordingId)) });
  filter.details.push({ key: 'recordingId', values: ids });
}

async function addCase(client: DbTx, caseId: string, filter: TAuditFilter): Promise<void> {
  const found = await client.quarantineCase.findUnique({ where: { id: caseId }, select: { recordingId: true } });
  if (!found) throw new AppError('not_found', `Quarantine case not found: ${caseId}`);
  filter.subjects.push({ subjectType: 'quarantine_case', subjectIds: [caseId] });
  filter.details.push({ key: 'quarantineCaseId', values: [caseId] });
  await addRecordings(client, [found.recordingId], filter);
}

async function sequenceRange(client: DbTx, scope: TAuditScope, head: bigint): Promise<TSequenceRange | null> {
  const first = scope.from
    ? (await client.auditEntry.aggregate({ _min: { sequence: true }, where: { occurredAt: { gte: scopeInstant(scope.from, 'from') } } }))
        ._min.sequence
    : 1n;
  const last = scope.to
    ? (await client.auditEntry.aggregate({ _max: { sequence: true }, where: { occurredAt: { lt: scopeInstant(scope.to, 'to') } } }))._max
        .sequence
    : head;
  if (first === null || last === null || head === 0n) return null;
  const capped = last > head ? head : last;
  return first > capped ? null : { first: first.toString(), last: capped.toString() };
}

export async function resolveAuditScope(scope: TAuditScope, client: DbTx = db()): Promise<TResolvedScope> {
  const filter: TAuditFilter = { subjects: [], details: [] };
  if (scope.recordingIds) await addRecordings(client, scope.recordingIds, filter);
  if (scope.quarantineCaseId) await addCase(client, scope.quarantineCaseId, filter);
  const filtered = Boolean(scope.recordingIds || scope.quarantineCaseId);
  const headRow = await client.auditEntry.findFirst({ orderBy: { sequence: 'desc' }, select: { sequence: true, entryHash: true } });
  const head = headRow?.sequence ?? 0n;
  return {
    range: await sequenceRange(client, scope, head),
    filter: filtered ? filter : null,
    chainHead: headRow ? { sequence: headRow.sequence.toString(), entryHash: headRow.entryHash } : null,
  };
}
