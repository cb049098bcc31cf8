import type { Job } from 'bullmq';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TSealResult } from '@/lib/audit/seal-audit-segment';

const sealAuditSegment = vi.fn<() => Promise<TSealResult>>();
vi.mock('@/lib/audit/seal-audit-segment', () => ({ sealAuditSegment }));
const { processSealAudit } = await import('@/workers/processors/seal-audit');

const segment = (first: number, last: number) => ({
  id: `s${first}`,
  firstSequence: String(first),
  lastSequence: String(last),
  entryCount: last - first + 1,
  bucket: 'b',
  key: 'k',
  versionId: 'v',
  sha256: 'x',
  retainUntil: '2032-01-01T00:00:00.000Z',
});
const job = { id: 'j1' } as Job;

describe('processSealAudit', () => {
  beforeEach(() => sealAuditSegment.mockReset());

  it('keeps sealing while a full segment is waiting, then stops', async () => {
    sealAuditSegment
      .mockResolvedValueOnce({ status: 'sealed', segment: segment(1, 100), more: true })
      .mockResolvedValueOnce({ status: 'sealed', segment: segment(101, 150), more: false });
    expect(await processSealAudit(job)).toEqual({ sealed: ['1-100', '101-150'], last: 'sealed' });
    expect(sealAuditSegment).toHaveBeenCalledTimes(2);
  });

  it('does nothing more when nothing is due or another sealer holds the lock', async () => {
    sealAuditSegment.mockResolvedValueOnce({ status: 'not_due', unsealed: 3 });
    expect(await processSealAudit(job)).toEqual({ sealed: [], last: 'not_due' });
    sealAuditSegment.mockResolvedValueOnce({ status: 'busy' });
    expect(await processSealAudit(job)).toEqual({ sealed: [], last: 'busy' });
    expect(sealAuditSegment).toHaveBeenCalledTimes(2);
  });

  it('bounds one run so a huge backlog cannot hold the maintenance worker forever', async () => {
    let n = 0;
    sealAuditSegment.mockImplementation(async () => ({ status: 'sealed', segment: segment(++n, n), more: true }));
    const result = (await processSealAudit(job)) as { sealed: string[] };
    expect(result.sealed).toHaveLength(10);
    expect(sealAuditSegment).toHaveBeenCalledTimes(10);
  });

  it('lets a sealing failure fail the job (BullMQ retries it)', async () => {
    sealAuditSegment.mockRejectedValueOnce(new Error('audit chain fault at sequence 7'));
    await expect(processSealAudit(job)).rejects.toThrow('sequence 7');
  });
});
