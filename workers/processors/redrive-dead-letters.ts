// dead_letter.redrive (repeatable) — replays retryable dead letters once their cause has cleared.
import type { Job } from 'bullmq';
import { redriveDeadLetters, type TRedriveResult } from '@/lib/dead-letters/redrive-dead-letters';

export async function processRedriveDeadLetters(_job: Job): Promise<TRedriveResult> {
  return redriveDeadLetters();
}
