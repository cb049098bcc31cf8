// Dead letters for the console's operations page, newest first, keyset-paginated.
import { db } from '@/lib/db';
import { idempotencyKey } from '@/lib/queue/contracts';

export type TDeadLetterFilter = { state?: 'open' | 'replayed' | 'all'; queue?: string; take?: number; cursor?: string };

export type TDeadLetterView = {
  id: string;
  queue: string;
  jobId: string;
  jobName: string;
  vendorSource: 'GENESYS_CLOUD' | 'NICE_CXONE' | null;
  vendorRecordingId: string | null;
  /** The recording's audit subject id, when the job was about one recording. */
  idempotencyKey: string | null;
  failedReason: string;
  attemptsMade: number;
  createdAt: string;
  replayedAt: string | null;
  replayedBy: string | null;
  payload: unknown;
};

export async function listDeadLetters(filter: TDeadLetterFilter = {}): Promise<{ items: TDeadLetterView[]; nextCursor: string | null }> {
  const take = Math.min(Math.max(filter.take ?? 50, 1), 200);
  const state = filter.state ?? 'open';
  const rows = await db().deadLetter.findMany({
    where: {
      ...(state === 'open' ? { replayedAt: null } : state === 'replayed' ? { replayedAt: { not: null } } : {}),
      ...(filter.queue ? { queue: filter.queue } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, take);
  return {
    items: page.map((r) => ({
      id: r.id,
      queue: r.queue,
      jobId: r.jobId,
      jobName: r.jobName,
      vendorSource: r.vendorSource,
      vendorRecordingId: r.vendorRecordingId,
      idempotencyKey: r.vendorSource && r.vendorRecordingId ? idempotencyKey(r.vendorSource, r.vendorRecordingId) : null,
      failedReason: r.failedReason,
      attemptsMade: r.attemptsMade,
      createdAt: r.createdAt.toISOString(),
      replayedAt: r.replayedAt?.toISOString() ?? null,
      replayedBy: r.replayedBy,
      payload: r.payload,
    })),
    nextCursor: rows.length > take ? (page[page.length - 1]?.id ?? null) : null,
  };
}
