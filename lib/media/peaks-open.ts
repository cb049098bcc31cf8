// A recording's stored waveform peaks for the player, for whoever may see the recording: its viewers, and
// reviewers for recordings under quarantine review (what they listen to). Peaks hold no customer data, so
// fetching them is not an access entry; playback keeps its reason and audit entry.
import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { can } from '@/lib/auth/permissions';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { isUuid } from '@/lib/http/uuid-param';
import { peaksObjectKey } from '@/lib/media/peaks-format';
import { assertRegionAccess } from '@/lib/recordings/assert-region-access';
import { isMissingObject } from '@/lib/storage/is-missing-object';
import { s3 } from '@/lib/storage/s3-client';

type TViewer = Pick<TUserRef, 'role'> & { regions?: readonly string[] };

export const PEAKS_MISSING = 'No waveform peaks are stored for this recording';

async function loadViewable(id: string, user: TViewer) {
  if (!isUuid(id)) throw new AppError('not_found', 'Recording not found');
  const r = await db().recording.findUnique({
    where: { id },
    select: {
      storageBucket: true,
      storageKey: true,
      storageVersionId: true,
      dataResidencyRegion: true,
      _count: { select: { quarantineCases: true } },
    },
  });
  if (!r) throw new AppError('not_found', 'Recording not found');
  const allowed = can(user.role, 'recordings.view') || (can(user.role, 'quarantine.view') && r._count.quarantineCases > 0);
  if (!allowed) throw new AppError('forbidden', 'Your role may not view this recording');
  assertRegionAccess(user.regions, r.dataResidencyRegion);
  return r;
}

export async function openRecordingPeaks(id: string, user: TViewer): Promise<{ stream: Readable; size: number | null; etag: string }> {
  const r = await loadViewable(id, user);
  if (!r.storageBucket || !r.storageKey || !r.storageVersionId)
    throw new AppError('not_found', 'This recording has no stored media, so no waveform');
  const object = await s3()
    .send(new GetObjectCommand({ Bucket: r.storageBucket, Key: peaksObjectKey(r.storageKey, r.storageVersionId) }))
    .catch((error: unknown) => {
      if (isMissingObject(error)) throw new AppError('not_found', PEAKS_MISSING);
      if ((error as { name?: string }).name === 'InvalidObjectState')
        throw new AppError('conflict', 'The waveform peaks are in cold storage');
      throw error;
    });
  return { stream: object.Body as Readable, size: object.ContentLength ?? null, etag: `"${r.storageVersionId}"` };
}
