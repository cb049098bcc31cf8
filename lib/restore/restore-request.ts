// What a user must state to retrieve a cold recording: the same reason rule as playback.
import { z } from 'zod';
import { PLAYBACK_REASON_MIN } from '@/lib/playback/playback-request';

export const ZRestoreRequest = z.object({
  reason: z.string().trim().min(PLAYBACK_REASON_MIN, `State a reason of at least ${PLAYBACK_REASON_MIN} characters`).max(500),
});
