// A recording's storage class and retrieval status for the console, to whoever may play it.
import type { TUserRef } from '@/lib/auth/types';
import { loadPlayable } from '@/lib/playback/issue-playback-url';
import { readRestoreState } from '@/lib/storage/read-restore-state';
import type { TRestoreState } from '@/lib/storage/restore-state';

export async function getRestoreState(input: { recordingId: string; user: TUserRef }): Promise<TRestoreState> {
  return readRestoreState(await loadPlayable(input.recordingId, input.user));
}
