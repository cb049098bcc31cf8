// Recordings for the search tests, spread over vendors, regions, directions, statuses, holds, start times
// (ties and NULLs on purpose) and durations, all tagged with the run's tag so a test sees only its own.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';

export type TSearchRow = {
  id: string;
  startTime: Date | null;
  duration: number | null;
  vendor: 'GENESYS_CLOUD' | 'NICE_CXONE';
  region: string;
  customer: string;
};

export async function insertSearchRow(runTag: string, i: number): Promise<TSearchRow> {
  const id = randomUUID();
  const startTime = i % 7 === 3 ? null : new Date(Date.UTC(2026, 0, 1 + (i % 5), 10, i % 3)); // ties on purpose
  const duration = i % 6 === 2 ? null : 30 + (i % 4) * 15;
  const vendor = i % 2 === 0 ? 'GENESYS_CLOUD' : 'NICE_CXONE';
  const region = i % 2 === 0 ? 'us' : 'eu';
  const customer = `+1555010${String(i).padStart(4, '0')}`;
  await db().recording.create({
    data: {
      id,
      archiveId: `arch-${runTag}-${i}`,
      vendorSource: vendor,
      vendorRecordingId: `${runTag}-rec-${i}`,
      startTime,
      durationSeconds: duration,
      direction: i % 3 === 0 ? 'OUTBOUND' : 'INBOUND',
      status: i % 5 === 0 ? 'QUARANTINED' : 'ARCHIVED',
      legalHold: i % 4 === 0,
      dataResidencyRegion: region,
      complianceTags: [runTag, i % 2 === 0 ? 'pci-scoped' : 'hipaa'],
      searchText: `${runTag}-rec-${i} agent-${i % 3} agent smith${i % 3} ${customer}`,
      participants: {
        create: [
          { position: 0, role: 'AGENT', identifier: `agent-${i % 3}`, displayName: `Agent Smith${i % 3}` },
          { position: 1, role: 'CUSTOMER', identifier: customer, displayName: null },
        ],
      },
    },
  });
  return { id, startTime, duration, vendor, region, customer };
}

export async function insertSearchRows(runTag: string, n: number): Promise<TSearchRow[]> {
  const rows: TSearchRow[] = [];
  for (let i = 0; i < n; i += 1) rows.push(await insertSearchRow(runTag, i));
  return rows;
}
