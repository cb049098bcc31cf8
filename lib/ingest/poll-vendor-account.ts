// Fallback polling, the backbone (neither vendor has a native recording-ready webhook): walks the vendor's
// listing from the stored PollCursor and enqueues what is neither settled in Postgres nor already accepted in
// Redis. The cursor is saved after every page, so a crash or a POLL_MAX_PAGES cut resumes where it stopped.
// A finished walk restarts from its own start time minus POLL_OVERLAP_SECONDS (records indexed late by the
// vendor); re-listed recordings are filtered, so the overlap costs queries, not jobs.
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueueArchiveJob } from '@/lib/ingest/enqueue-archive-job';
import { acceptedKey } from '@/lib/queue/redis-keys';
import { withRedis } from '@/lib/queue/with-redis';
import { idempotencyKey } from '@/lib/queue/contracts';
import { producerRedis } from '@/lib/redis';
import { vendorAccount } from '@/lib/vendors/accounts';
import { createVendorClient } from '@/lib/vendors/create-vendor-client';
import type { TListedRecording, TVendorAccount } from '@/lib/vendors/types';

export type TPollResult = { pages: number; listed: number; enqueued: number; walkComplete: boolean };

async function loadPosition(accountId: string, now: Date) {
  const row = await db().pollCursor.upsert({ where: { vendorAccountId: accountId }, create: { vendorAccountId: accountId }, update: {} });
  // lastPolledAt = when the current walk started (kept while resuming); it becomes the next walk's updatedSince.
  const resuming = row.cursor !== null && row.lastPolledAt !== null;
  const walkStartedAt = resuming && row.lastPolledAt ? row.lastPolledAt : now;
  if (!resuming) await db().pollCursor.update({ where: { vendorAccountId: accountId }, data: { lastPolledAt: now } });
  return { cursor: row.cursor, updatedSince: row.updatedSince, walkStartedAt };
}

/** The listed recordings that still need a job: not ARCHIVED/QUARANTINED, not already accepted. */
async function unsettled(account: TVendorAccount, listed: TListedRecording[]): Promise<TListedRecording[]> {
  if (listed.length === 0) return [];
  const ids = listed.map((r) => r.vendorRecordingId);
  const settled = await db().recording.findMany({
    where: { vendorSource: account.vendorSource, vendorRecordingId: { in: ids }, status: { in: ['ARCHIVED', 'QUARANTINED'] } },
    select: { vendorRecordingId: true },
  });
  const done = new Set(settled.map((r) => r.vendorRecordingId));
  const open = listed.filter((r) => !done.has(r.vendorRecordingId));
  if (open.length === 0) return [];
  const markers = await withRedis('read accepted markers', () =>
    producerRedis().mget(open.map((r) => acceptedKey(idempotencyKey(account.vendorSource, r.vendorRecordingId)))),
  );
  return open.filter((_, i) => markers[i] === null);
}

async function enqueuePage(account: TVendorAccount, recordings: TListedRecording[]): Promise<number> {
  let enqueued = 0;
  for (const r of recordings) {
    const result = await enqueueArchiveJob(
      {
        vendorSource: account.vendorSource,
        vendorAccountId: account.id,
        vendorRecordingId: r.vendorRecordingId,
        interactionId: r.interactionId,
        interactionDate: r.interactionDate,
        source: 'POLL',
      },
      { eventType: 'poll.listed' },
    );
    if (!result.duplicate) enqueued += 1;
  }
  return enqueued;
}

export async function pollVendorAccount(vendorAccountId: string, opts: { maxPages?: number } = {}): Promise<TPollResult> {
  const account = vendorAccount(vendorAccountId);
  const client = createVendorClient(account);
  const maxPages = opts.maxPages ?? env().POLL_MAX_PAGES;
  const position = await loadPosition(account.id, new Date());
  const result: TPollResult = { pages: 0, listed: 0, enqueued: 0, walkComplete: false };
  let cursor = position.cursor;
  try {
    while (result.pages < maxPages) {
      const page = await client.listRecordings({ cursor, updatedSince: position.updatedSince });
      const enqueued = await enqueuePage(account, await unsettled(account, page.recordings));
      result.pages += 1;
      result.listed += page.recordings.length;
      result.enqueued += enqueued;
      cursor = page.nextCursor;
      result.walkComplete = cursor === null;
      await savePage(account.id, {
        cursor,
        listed: page.recordings.length,
        enqueued,
        walkStartedAt: result.walkComplete ? position.walkStartedAt : null,
      });
      if (result.walkComplete) break;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
    await db()
      .pollCursor.update({ where: { vendorAccountId: account.id }, data: { lastError: message } })
      .catch(() => undefined);
    throw error;
  }
  return result;
}

async function savePage(accountId: string, page: { cursor: string | null; listed: number; enqueued: number; walkStartedAt: Date | null }) {
  const finished = page.walkStartedAt
    ? {
        updatedSince: new Date(page.walkStartedAt.getTime() - env().POLL_OVERLAP_SECONDS * 1000),
        lastSuccessAt: new Date(),
        lastError: null,
      }
    : {};
  await db().pollCursor.update({
    where: { vendorAccountId: accountId },
    data: { cursor: page.cursor, listedCount: { increment: page.listed }, enqueuedCount: { increment: page.enqueued }, ...finished },
  });
}
