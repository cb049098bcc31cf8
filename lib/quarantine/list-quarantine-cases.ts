// The review queue: newest first, cursor-paginated, with enough of each recording to triage without a
// second request (both durations side by side for truncation cases).
import { z } from 'zod';
import { db } from '@/lib/db';

export const ZQuarantineFilter = z.object({
  state: z.enum(['OPEN', 'ACCEPTED', 'REFETCH_REQUESTED', 'ESCALATED', 'RESOLVED']).optional(),
  reason: z.enum(['TRUNCATION_DETECTED', 'INVALID_METADATA', 'RESIDENCY_VIOLATION', 'CHECKSUM_MISMATCH', 'INVALID_MEDIA']).optional(),
  recordingId: z.string().uuid().optional(),
  take: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().uuid().optional(),
});
export type TQuarantineFilter = z.input<typeof ZQuarantineFilter>;

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

export async function listQuarantineCases(filter: TQuarantineFilter = {}) {
  const f = ZQuarantineFilter.parse(filter);
  const rows = await db().quarantineCase.findMany({
    where: { state: f.state, reason: f.reason, recordingId: f.recordingId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: f.take + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    include: {
      recording: {
        select: {
          id: true, archiveId: true, vendorSource: true, vendorRecordingId: true, interactionId: true, startTime: true, status: true,
          durationSeconds: true, measuredDurationSeconds: true, dataResidencyRegion: true, complianceTags: true, legalHold: true,
        },
      },
      resolvedBy: { select: { id: true, email: true, name: true } },
    },
  });
  const page = rows.slice(0, f.take);
  const items = page.map((c) => ({
    ...c,
    recording: { ...c.recording, durationSeconds: num(c.recording.durationSeconds), measuredDurationSeconds: num(c.recording.measuredDurationSeconds) },
  }));
  return { items, nextCursor: rows.length > f.take ? (page[page.length - 1]?.id ?? null) : null };
}
