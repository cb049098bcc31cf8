// Recordings for end-to-end tests, archived by the real pipeline: the vendor simulator gets a finished call,
// delivers its webhook to the console (authenticated as the vendor would), the archive worker fetches the
// metadata and media, stores them Object-Locked in the test RGW and commits the Recording row (ARCHIVED, or
// QUARANTINED for truncated media / missing metadata) with its audit entries. The helper polls the database
// until the row is settled and checks it settled the way the test asked for.
import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { db } from '@/lib/db';
import { idempotencyKey } from '@/lib/queue/contracts';
import type { TSimMissingField } from '@/simulators/types';
import { E2E_ACCOUNT_IDS, type TE2eVendor } from './e2e-vendors';
import type { TE2eSimulators } from './e2e-simulators';

export type TArchiveRecordingOptions = {
  /** Seconds of audio the vendor actually serves. Default 6. */
  seconds?: number;
  /** The vendor's stated duration (defaults to `seconds`; more than 2 s above it = truncated → quarantined). */
  vendorSeconds?: number;
  startTime?: Date;
  /** Expect a truncation quarantine; sets vendorSeconds to seconds + 6 unless given. */
  truncated?: boolean;
  /** Mandatory metadata the vendor leaves out → quarantined as invalid metadata. */
  missing?: TSimMissingField[];
  /** Default genesys (WAV 8 kHz); cxone serves MP3. */
  vendor?: TE2eVendor;
  /** Residency of the vendor account (Genesys mypurecloud.com/.ie, CXone na1/eu1). Default us. */
  region?: 'us' | 'eu';
  tags?: string[];
  direction?: 'inbound' | 'outbound';
};

export type TArchivedRecording = {
  id: string;
  vendorRecordingId: string;
  /** Idempotency key (`genesys-cloud:<id>`): the subject of the pipeline's audit entries. */
  auditKey: string;
  agentName: string;
  agentId: string;
  customerNumber: string;
  startTime: Date;
  status: 'ARCHIVED' | 'QUARANTINED';
  /** The open quarantine case, when quarantined. */
  caseId: string | null;
};

const VENDOR_SOURCE = { genesys: 'GENESYS_CLOUD', cxone: 'NICE_CXONE' } as const;

function uniqueParticipants() {
  const suffix = randomUUID().slice(0, 6);
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  return { agent: { id: `agent-${suffix}`, name: `Agent ${suffix}` }, customer: { number: `+1555${digits}` } };
}

async function settledRow(vendorSource: 'GENESYS_CLOUD' | 'NICE_CXONE', vendorRecordingId: string) {
  const row = await db().recording.findUnique({
    where: { vendorSource_vendorRecordingId: { vendorSource, vendorRecordingId } },
    include: { quarantineCases: { where: { state: 'OPEN' } } },
  });
  return row && (row.status === 'ARCHIVED' || row.status === 'QUARANTINED') ? row : null;
}

export async function archiveRecording(sims: TE2eSimulators, opts: TArchiveRecordingOptions = {}): Promise<TArchivedRecording> {
  const vendor = opts.vendor ?? 'genesys';
  const seconds = opts.seconds ?? 6;
  const truncated = opts.truncated ?? false;
  const stated = opts.vendorSeconds ?? (truncated ? seconds + 6 : seconds);
  const p = uniqueParticipants();
  const rec = sims[vendor].addRecording({
    accountId: E2E_ACCOUNT_IDS[vendor][opts.region ?? 'us'],
    seconds: stated,
    mediaSeconds: seconds,
    startTime: opts.startTime ?? new Date(Date.UTC(2026, 4, 14, 8, 30, 32)),
    agent: p.agent,
    customer: p.customer,
    tags: opts.tags ?? ['compliance', 'pci-scoped'],
    direction: opts.direction ?? 'inbound',
    missing: opts.missing ?? [],
  });
  const delivered = await sims[vendor].emitWebhook(rec, { baseUrl: sims.consoleUrl });
  expect(
    delivered.map((d) => d.status),
    `webhook for ${rec.id}: ${delivered.map((d) => d.body).join(' ')}`,
  ).toEqual(delivered.map(() => 202));
  const vendorSource = VENDOR_SOURCE[vendor];
  let row: Awaited<ReturnType<typeof settledRow>> = null;
  await expect
    .poll(async () => (row = await settledRow(vendorSource, rec.id))?.status ?? 'not settled', {
      timeout: 30_000,
      intervals: [100, 200, 300, 500],
    })
    .not.toBe('not settled');
  const settled = row!;
  const want = truncated || (opts.missing?.length ?? 0) > 0 ? 'QUARANTINED' : 'ARCHIVED';
  expect(settled.status, `recording ${rec.id} settled as ${settled.status}, the test asked for ${want}`).toBe(want);
  return {
    id: settled.id,
    vendorRecordingId: rec.id,
    auditKey: idempotencyKey(vendorSource, rec.id),
    agentName: p.agent.name,
    agentId: p.agent.id,
    customerNumber: p.customer.number,
    startTime: rec.startTime,
    status: settled.status as 'ARCHIVED' | 'QUARANTINED',
    caseId: settled.quarantineCases[0]?.id ?? null,
  };
}
