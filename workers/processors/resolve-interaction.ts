// interaction.resolve — turns an interaction event (Genesys conversation end) into archive jobs.
import { UnrecoverableError, type Job } from 'bullmq';
import { AppError } from '@/lib/http/app-error';
import { resolveInteraction } from '@/lib/ingest/resolve-interaction';
import { ZResolveInteractionJob } from '@/lib/queue/contracts';

export async function processResolveInteraction(job: Job): Promise<{ recordings: number; duplicates: number }> {
  const data = ZResolveInteractionJob.parse(job.data);
  try {
    return await resolveInteraction(data);
  } catch (error) {
    // An account removed from configuration will not come back by retrying.
    if (error instanceof AppError && error.code === 'not_found') throw new UnrecoverableError(error.message);
    throw error;
  }
}
