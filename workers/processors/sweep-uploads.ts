// storage.uploads_sweep (repeatable) — aborts incomplete multipart uploads older than any transfer can take.
import type { Job } from 'bullmq';
import { sweepIncompleteUploads } from '@/lib/archive/sweep-incomplete-uploads';

export async function processSweepUploads(_job: Job): Promise<{ aborted: number }> {
  const { aborted } = await sweepIncompleteUploads();
  return { aborted: aborted.length };
}
