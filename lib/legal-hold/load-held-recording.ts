// The recording a legal-hold action applies to, with what the hold needs: where its media lives and the
// audit subject (the idempotency key) its entries belong to.
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { idempotencyKey } from '@/lib/queue/contracts';

export async function loadHeldRecording(recordingId: string) {
  const rec = await db().recording.findUnique({
    where: { id: recordingId },
    select: { id: true, vendorSource: true, vendorRecordingId: true, storageBucket: true, storageKey: true, legalHold: true },
  });
  if (!rec) throw new AppError('not_found', 'Recording not found');
  const storage = rec.storageBucket && rec.storageKey ? { bucket: rec.storageBucket, key: rec.storageKey } : null;
  return { ...rec, storage, auditKey: idempotencyKey(rec.vendorSource, rec.vendorRecordingId) };
}
