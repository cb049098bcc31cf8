// maintenance: audit.seal (repeatable) — seals the audit chain's unsealed tail into the Object-Locked
// audit bucket. A backlog (e.g. after an outage) is worked off in several segments per run, bounded
// so one run cannot hold the maintenance worker indefinitely; the next run continues.
import type { Job } from 'bullmq';
import { sealAuditSegment, type TSealResult } from '@/lib/audit/seal-audit-segment';
import { logger } from '@/lib/logger';

const MAX_SEGMENTS_PER_RUN = 10;

export async function processSealAudit(job: Job): Promise<unknown> {
  const sealed: string[] = [];
  let last: TSealResult = { status: 'empty' };
  for (let i = 0; i < MAX_SEGMENTS_PER_RUN; i++) {
    last = await sealAuditSegment();
    if (last.status !== 'sealed') break;
    sealed.push(`${last.segment.firstSequence}-${last.segment.lastSequence}`);
    logger.info({ jobId: job.id, segment: last.segment }, 'audit segment sealed');
    if (!last.more) break;
  }
  return { sealed, last: last.status };
}
