// What a user must state to get a playback link.
import { z } from 'zod';

export const PLAYBACK_REASON_MIN = 10;

export const ZPlaybackRequest = z.object({
  reason: z.string().trim().min(PLAYBACK_REASON_MIN, `State a reason of at least ${PLAYBACK_REASON_MIN} characters`).max(500),
});

export type TPlaybackGrant = { url: string; expiresAt: string; mediaFormat: string | null; contentType: string; sizeBytes: string | null };
