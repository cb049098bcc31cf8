// Automatic re-drive of dead letters whose cause has cleared: a retryable dead letter (not an
// UnrecoverableError) is replayed as the system once storage answers again (every region's recordings bucket
// is probed; Postgres answered the query that found the row). Each subject is re-driven at most
// DEAD_LETTER_MAX_AUTO_REDRIVES times — every re-drive carries a full retry budget — after which only an
// operator replays it. Audited as dead_letter.auto_redriven. A dead letter that cannot be replayed at all (its
// payload no longer matches the job contract, or its job type has no replay) is marked not retryable on the
// first try: it stays listed for an operator instead of failing again on every tick.
import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { ZodError } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { logger } from '@/lib/logger';
import { AUTO_REDRIVE_ACTOR, JOBS } from '@/lib/queue/contracts';
import { replayDeadLetterAs } from '@/lib/dead-letters/replay-dead-letter';
import { bucketName } from '@/lib/storage/buckets';
import { s3 as defaultS3 } from '@/lib/storage/s3-client';

export type TRedriveResult = { candidates: number; redriven: number; failed: number; blockedBy: string | null };

const BATCH = 200;

async function storageBlocker(s3: S3Client): Promise<string | null> {
  for (const region of env().RESIDENCY_REGIONS) {
    const bucket = bucketName('recordings', region);
    try {
      await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch (e) {
      return `storage: ${bucket} does not answer (${(e as Error).name})`;
    }
  }
  return null;
}

export async function redriveDeadLetters(opts: { s3?: S3Client } = {}): Promise<TRedriveResult> {
  const rows = await db().deadLetter.findMany({
    where: {
      replayedAt: null,
      retryable: true,
      autoRedrives: { lt: env().DEAD_LETTER_MAX_AUTO_REDRIVES },
      jobName: { in: [JOBS.archive, JOBS.resolveInteraction] },
    },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
  });
  const result: TRedriveResult = { candidates: rows.length, redriven: 0, failed: 0, blockedBy: null };
  if (rows.length === 0) return result;
  result.blockedBy = await storageBlocker(opts.s3 ?? defaultS3());
  if (result.blockedBy) {
    logger.warn({ deadLetters: rows.length, blockedBy: result.blockedBy }, 'dead letters wait: their cause has not cleared');
    return result;
  }
  for (const row of rows) {
    try {
      await replayDeadLetterAs(row, { type: 'system', id: AUTO_REDRIVE_ACTOR }, 'dead_letter.auto_redriven');
      result.redriven += 1;
    } catch (err) {
      result.failed += 1;
      if (err instanceof ZodError || (err instanceof AppError && err.code === 'unprocessable')) {
        await db().deadLetter.update({ where: { id: row.id }, data: { retryable: false } });
        logger.error({ err, deadLetterId: row.id }, 'dead letter cannot be replayed automatically; left for an operator');
      } else logger.warn({ err, deadLetterId: row.id }, 'automatic re-drive of a dead letter failed; next tick retries');
    }
  }
  return result;
}
