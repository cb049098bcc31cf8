// A recording we know of but have not archived must be findable: a Recording row with status RETRYING (a retry
// is scheduled) or FAILED (dead-lettered), with the reason. Created if the pipeline never got as far as a row;
// a row that is already ARCHIVED or QUARANTINED is never touched.
import { randomUUID } from 'node:crypto';
import { archiveIdFor, searchTextFor } from '@/lib/archive/recording-fields';
import { db, type DbTx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TVendor } from '@/lib/vendors/types';

export type TUnsettled = {
  vendorSource: TVendor;
  vendorRecordingId: string;
  vendorAccountId: string | null;
  interactionId: string | null;
  status: 'RETRYING' | 'FAILED';
  reason: string;
};

export async function markRecordingUnsettled(input: TUnsettled, tx: DbTx = db()): Promise<{ recordingId: string | null }> {
  const where = { vendorSource_vendorRecordingId: { vendorSource: input.vendorSource, vendorRecordingId: input.vendorRecordingId } };
  const statusReason = input.reason.slice(0, 1000);
  const existing = await tx.recording.findUnique({ where, select: { id: true, status: true } });
  if (existing) {
    if (existing.status === 'ARCHIVED' || existing.status === 'QUARANTINED') return { recordingId: existing.id };
    await tx.recording.update({ where: { id: existing.id }, data: { status: input.status, statusReason } });
    return { recordingId: existing.id };
  }
  // The account row is synced from configuration; a recording of an account not (yet) there keeps a NULL link.
  const account = input.vendorAccountId
    ? await tx.vendorAccount.findUnique({ where: { id: input.vendorAccountId }, select: { id: true } })
    : null;
  const id = randomUUID();
  const archiveId = archiveIdFor(id, new Date());
  try {
    await tx.recording.create({
      data: {
        id,
        archiveId,
        vendorSource: input.vendorSource,
        vendorRecordingId: input.vendorRecordingId,
        vendorAccountId: account?.id ?? null,
        interactionId: input.interactionId,
        status: input.status,
        statusReason,
        searchText: searchTextFor({
          archiveId,
          vendorRecordingId: input.vendorRecordingId,
          interactionId: input.interactionId,
          participants: [],
        }),
      },
    });
    return { recordingId: id };
  } catch (e) {
    // A concurrent commit created the row first: it is the truth, leave it.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return { recordingId: null };
    throw e;
  }
}
