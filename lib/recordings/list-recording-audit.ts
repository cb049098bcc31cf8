// A recording's audit history: entries filed under its idempotency key (including those written
// before the Recording row existed) and under each of its quarantine cases, newest first.
// Details are masked like the rest of the recording for roles that may not see customer identifiers.
import { listAuditEntries } from '@/lib/audit/list-audit-entries';
import { openFreeText } from '@/lib/audit/open-free-text';
import { toAuditEntryView, type TAuditEntryView } from '@/lib/audit/to-audit-entry-view';
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { idempotencyKey } from '@/lib/queue/contracts';
import { assertRegionAccess } from '@/lib/recordings/assert-region-access';
import { awaitAuditChain } from '@/lib/audit/await-audit-chain';
import { maskPayload } from '@/lib/masking/mask-payload';
import type { TViewer } from '@/lib/recordings/search-recordings';
import { customerSecrets } from '@/lib/recordings/present-participants';
import { isUuid } from '@/lib/http/uuid-param';

const TAKE = 200;

export async function listRecordingAudit(recordingId: string, viewer: TRole | TViewer): Promise<{ entries: TAuditEntryView[] }> {
  const { role, regions } = typeof viewer === 'string' ? { role: viewer, regions: [] } : viewer;
  if (!isUuid(recordingId)) throw new AppError('not_found', 'Recording not found');
  const r = await db().recording.findUnique({
    where: { id: recordingId },
    select: {
      vendorSource: true,
      vendorRecordingId: true,
      dataResidencyRegion: true,
      participants: true,
      quarantineCases: { select: { id: true } },
    },
  });
  if (!r) throw new AppError('not_found', 'Recording not found');
  assertRegionAccess(regions, r.dataResidencyRegion);
  await awaitAuditChain();
  const pages = await Promise.all([
    listAuditEntries({ subjectType: 'recording', subjectId: idempotencyKey(r.vendorSource, r.vendorRecordingId), take: TAKE }),
    ...r.quarantineCases.map((c) => listAuditEntries({ subjectType: 'quarantine_case', subjectId: c.id, take: TAKE })),
  ]);
  const unmasked = can(role, 'identifiers.unmasked');
  const secrets = unmasked ? null : customerSecrets(r.participants);
  const entries = pages
    .flatMap((p) => p.entries)
    .sort((a, b) => (BigInt(b.sequence) > BigInt(a.sequence) ? 1 : -1))
    .slice(0, TAKE)
    .map((e) => toAuditEntryView(e, secrets ? (d) => maskPayload(d, secrets) : null));
  return { entries: await openFreeText(entries, unmasked) };
}
