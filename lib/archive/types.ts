// Contract of the archive pipeline with its worker (workers/processors/archive-recording.ts) and its tests.
import type { S3Client } from '@aws-sdk/client-s3';
import type { TClaimOwner } from '@/lib/ingest/claim-recording';
import type { TVendorClient } from '@/lib/vendors/types';

export type TArchiveOutcome = { status: 'ARCHIVED' | 'QUARANTINED' | 'DUPLICATE'; recordingId: string | null };

export type TArchiveContext = {
  /** 1-based attempt number of this job (BullMQ attemptsMade + 1). */
  attempt: number;
  jobId: string;
  /** Attempts the job has in total; on the last one a checksum mismatch is quarantined instead of retried. */
  maxAttempts?: number;
  /** The BullMQ lock of the job running this (so a dead owner's claim can be recognised and taken over). */
  owner?: TClaimOwner;
  /** Injected in tests; otherwise built from the job's vendor account. */
  client?: TVendorClient;
  s3?: S3Client;
};
