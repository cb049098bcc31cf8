// "Retrieve" a cold recording: RestoreObject on its exact stored version, for RESTORE_DAYS at RESTORE_TIER,
// audited with the user's reason before S3 is asked (a refused request is audited too). A version that is
// not cold, or whose restore is already running or done, is answered with its state and nothing is asked.
import { RestoreObjectCommand } from '@aws-sdk/client-s3';
import type { TAuditInput } from '@/lib/audit/actions';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { loadPlayable } from '@/lib/playback/issue-playback-url';
import { idempotencyKey } from '@/lib/queue/contracts';
import { readRestoreState } from '@/lib/storage/read-restore-state';
import type { TRestoreState } from '@/lib/storage/restore-state';
import { s3 } from '@/lib/storage/s3-client';

export type TRestoreOutcome = TRestoreState & { requested: boolean };

export async function requestRestore(input: { recordingId: string; reason: string; user: TUserRef }): Promise<TRestoreOutcome> {
  const r = await loadPlayable(input.recordingId, input.user);
  const state = await readRestoreState(r);
  if (!state.cold)
    throw new AppError('conflict', `This recording is in ${state.storageClass} storage and plays without a retrieval`, { restore: state });
  if (state.restore !== 'not_requested') return { ...state, requested: false };
  // Deep Archive has no Expedited tier.
  const tier = state.storageClass === 'DEEP_ARCHIVE' && env().RESTORE_TIER === 'Expedited' ? 'Standard' : env().RESTORE_TIER;
  const days = env().RESTORE_DAYS;
  const audit = (action: 'recording.restore_requested' | 'recording.restore_failed', extra: { error?: string } = {}) =>
    appendAuditEntry({
      actorType: 'user',
      actorId: input.user.id,
      action,
      subjectType: 'recording',
      subjectId: idempotencyKey(r.vendorSource, r.vendorRecordingId),
      details: {
        user: input.user.email,
        recordingId: r.id,
        reason: input.reason,
        storageClass: state.storageClass,
        tier,
        days,
        versionId: r.storageVersionId,
        ...extra,
      },
    } as TAuditInput);
  await audit('recording.restore_requested');
  try {
    await s3().send(
      new RestoreObjectCommand({
        Bucket: r.storageBucket,
        Key: r.storageKey,
        VersionId: r.storageVersionId,
        RestoreRequest: { Days: days, GlacierJobParameters: { Tier: tier } },
      }),
    );
  } catch (error) {
    const e = error as { name?: string; message?: string };
    // Someone else's request got there first: the restore is under way, which is what was asked for.
    if (e.name !== 'RestoreAlreadyInProgress') {
      await audit('recording.restore_failed', { error: `${e.name ?? 'Error'}: ${e.message ?? ''}`.slice(0, 300) });
      throw new AppError('unavailable', `Storage refused the retrieval request (${e.name ?? 'error'}); try again later`);
    }
  }
  return { ...(await readRestoreState(r)), requested: true };
}
