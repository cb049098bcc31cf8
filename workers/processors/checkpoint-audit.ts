// maintenance: audit.checkpoint (repeatable) — publishes a signed checkpoint of the audit chain's
// Merkle tree to the Object-Locked audit bucket (nothing new is written when no entry was chained
// since the last one). A failure is retried by the next run; exports write their own checkpoint anyway.
import type { Job } from 'bullmq';
import { writeAuditCheckpoint } from '@/lib/audit/write-audit-checkpoint';
import { logger } from '@/lib/logger';

export async function processCheckpointAudit(job: Job): Promise<unknown> {
  const written = await writeAuditCheckpoint({ reason: 'scheduled' });
  if (!written) return { status: 'empty' };
  const { checkpoint } = written.signed;
  if (written.created)
    logger.info({ jobId: job.id, checkpointId: checkpoint.id, treeSize: checkpoint.treeSize }, 'audit checkpoint published');
  return {
    status: written.created ? 'published' : 'unchanged',
    id: checkpoint.id,
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash,
  };
}
