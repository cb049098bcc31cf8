// Audit export end to end on a throwaway database: queued exports are built by the audit-export worker
// into the audit bucket; scoped bundles hold exactly their entries in full (every other entry of the
// range as a leaf), the offline CLI verifies them with the published public keys only, and a changed
// byte anywhere makes it fail naming the line and entry.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { journalAuditEntry, type TRawAuditInput } from '@/lib/audit/append-audit-entry';
import { bundleFileWriter } from '@/tests/support/bundle-file-writer';
import { exportAuditBundle } from '@/lib/audit/export-audit-bundle';
import { getAuditExport, type TAuditExportView } from '@/lib/audit/get-audit-export';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { listAuditEntries } from '@/lib/audit/list-audit-entries';
import { listPublishedKeys } from '@/lib/audit/list-published-keys';
import { openAuditExport } from '@/lib/audit/open-audit-export';
import { resolveAuditScope } from '@/lib/audit/resolve-audit-scope';
import type { TAuditScope } from '@/lib/audit/scope';
import { startAuditExport } from '@/lib/audit/start-audit-export';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { QUEUES } from '@/lib/queue/contracts';
import { auditExportQueue } from '@/lib/queue/queues';
import { startWorkers, type TWorkersHandle } from '@/workers/index';
import { throwawayDatabase } from '@/tests/support/throwaway-database';
import { runTsx } from '@/tests/support/run-node';
import { waitFor } from '@/tests/support/wait-for';

const scratch = throwawayDatabase('audit_export');
const url = scratch.url;
let exportDir = '';
let workers: TWorkersHandle | undefined;
let auditor: TUserRef;
const rec = { a: { id: '', key: 'genesys-cloud:rec-export-a' }, b: { id: '', key: 'nice-cxone:rec-export-b' } };
let caseId = '';
const expected = { a: [] as string[], b: [] as string[], case: [] as string[] };

const add = async (input: TRawAuditInput, ...buckets: string[][]) => {
  const { journalId } = await journalAuditEntry(input);
  await flushAuditSequencer();
  const entry = await db().auditEntry.findUniqueOrThrow({ where: { journalId } });
  for (const b of buckets) b.push(entry.sequence.toString());
  return entry;
};

async function exportScope(scope: TAuditScope): Promise<{ view: TAuditExportView; file: string; lines: string[] }> {
  const { id } = await startAuditExport({ scope, user: auditor });
  const view = await waitFor(
    `export ${id}`,
    async () => {
      const v = await getAuditExport(id);
      return v.status === 'running' || v.status === 'queued' ? null : v;
    },
    30_000,
    50,
  );
  expect(view.error).toBeNull();
  expect(view.status).toBe('completed');
  const opened = await openAuditExport(id);
  const content = await text(opened.stream);
  expect(Buffer.byteLength(content)).toBe(opened.size);
  const file = path.join(exportDir, opened.filename);
  await writeFile(file, content);
  return { view, file, lines: content.trimEnd().split('\n') };
}

const entrySequences = (lines: string[]) =>
  lines
    .slice(1, -1)
    .map((l) => JSON.parse(l))
    .filter((l) => l.type === 'entry')
    .map((l) => l.sequence as string);
let keysFile = '';
const verifyCli = (file: string) => runTsx('scripts/audit/verify-bundle.ts', ['--keys', keysFile, file]);

beforeAll(async () => {
  // Before anything reads the environment: this file's database and export directory.
  process.env.DATABASE_URL = url;
  exportDir = await mkdtemp(path.join(tmpdir(), 'cv-audit-export-'));
  keysFile = path.join(exportDir, 'audit-keys.json');
  await writeFile(keysFile, JSON.stringify(await listPublishedKeys()));
  await scratch.create();
  // Jobs left by earlier files name rows of other databases.
  await auditExportQueue().obliterate({ force: true });
  workers = await startWorkers({ schedule: false, metricsPort: null, syncAccounts: false, queues: [QUEUES.auditExport] });
  const user = await db().user.create({ data: { email: 'auditor@export.test', name: 'Export Auditor', role: 'AUDITOR' } });
  auditor = { id: user.id, email: user.email, role: 'AUDITOR' };
  const a = await db().recording.create({
    data: { archiveId: 'arch-export-a', vendorSource: 'GENESYS_CLOUD', vendorRecordingId: 'rec-export-a' },
  });
  const b = await db().recording.create({
    data: { archiveId: 'arch-export-b', vendorSource: 'NICE_CXONE', vendorRecordingId: 'rec-export-b' },
  });
  rec.a.id = a.id;
  rec.b.id = b.id;
  caseId = (
    await db().quarantineCase.create({
      data: { recordingId: a.id, reason: 'TRUNCATION_DETECTED', evidence: { parsed: 138.2, vendor: 142.5 } },
    })
  ).id;

  const noise = { actorType: 'system' as const, actorId: 'noise', action: 'test.noise', subjectType: 'system', subjectId: 'noise' };
  await add(noise);
  await add(
    { actorType: 'vendor', actorId: 'genesys', action: 'ingest.received', subjectType: 'recording', subjectId: rec.a.key },
    expected.a,
    expected.case,
  );
  await add({ actorType: 'worker', actorId: 'w1', action: 'ingest.received', subjectType: 'recording', subjectId: rec.b.key }, expected.b);
  await add(noise);
  await add(
    {
      actorType: 'worker',
      actorId: 'w1',
      action: 'archive.quarantined',
      subjectType: 'recording',
      subjectId: rec.a.key,
      details: { recordingId: a.id, quarantineCaseId: caseId },
    },
    expected.a,
    expected.case,
  );
  await add(
    {
      actorType: 'user',
      actorId: user.id,
      action: 'playback.issued',
      subjectType: 'user',
      subjectId: user.id,
      details: { recordingId: a.id, reason: 'QA' },
    },
    expected.a,
    expected.case,
  );
  await add(
    {
      actorType: 'user',
      actorId: user.id,
      action: 'quarantine.resolved',
      subjectType: 'quarantine_case',
      subjectId: caseId,
      details: { decision: 'accept' },
    },
    expected.case,
  );
  await add(
    {
      actorType: 'worker',
      actorId: 'w2',
      action: 'archive.completed',
      subjectType: 'recording',
      subjectId: rec.b.key,
      details: { recordingId: b.id },
    },
    expected.b,
  );
  await add(noise);
}, 60_000);

afterAll(async () => {
  // close() also disconnects Prisma.
  if (workers) await workers.close();
  else await db().$disconnect();
  await scratch.drop();
  if (exportDir) await rm(exportDir, { recursive: true, force: true });
});

describe('audit export', () => {
  it('exports exactly a recording’s entries (by idempotency key and details.recordingId), verifiable offline', async () => {
    const { view, file, lines } = await exportScope({ recordingIds: [rec.a.id] });
    expect(entrySequences(lines)).toEqual(expected.a);
    // The bundle covers the whole requested range (sequence 1 to the head when the export began).
    expect(view).toMatchObject({ entryCount: 3, firstSequence: '1' });
    expect(Number(view.lastSequence)).toBeGreaterThanOrEqual(Number(expected.a.at(-1)));
    const manifest = JSON.parse(lines.at(-1)!);
    expect(manifest.manifest).toMatchObject({
      filtered: true,
      entryCount: 3,
      scope: { recordingIds: [rec.a.id] },
      createdBy: { id: auditor.id, email: auditor.email },
    });
    expect(view.manifestSha256).toBe(manifest.manifestHash);

    await flushAuditSequencer();
    const audited = await db().auditEntry.findFirstOrThrow({ where: { action: 'audit.exported', subjectId: view.id } });
    expect(audited).toMatchObject({
      actorId: auditor.id,
      subjectType: 'export',
      details: { manifestHash: manifest.manifestHash, entryCount: 3 },
    });

    const run = await verifyCli(file);
    expect(run.stdout).toContain('VALID');
    expect(run.stdout).toMatch(/completeness: range 1\.\.\d+ complete: 3 matching entries in full, \d+ outside the filter/);
    expect(run.stdout).toMatch(/inclusion: +every sequence of the range is in checkpoint/);
    expect(run.code).toBe(0);
  });

  it('fails verification for a changed byte in details, a hash, a signature or the manifest, naming the line', async () => {
    const { file, lines } = await exportScope({ recordingIds: [rec.a.id, rec.b.id] });
    const original = await readFile(file);
    const lineStart = (n: number) => lines.slice(0, n - 1).reduce((sum, l) => sum + Buffer.byteLength(l) + 1, 0);
    const offsetIn = (n: number, needle: string, skip = 0) =>
      lineStart(n) + Buffer.from(lines[n - 1]!).lastIndexOf(needle) + needle.length + skip;
    const seqOf = (n: number) => JSON.parse(lines[n - 1]!).sequence as string;
    const last = lines.length;
    const [e1, e2, e3, e4] = lines.map((l, i) => (JSON.parse(l).type === 'entry' ? i + 1 : 0)).filter(Boolean) as [
      number,
      number,
      number,
      number,
    ];
    const leaf = lines.findIndex((l, i) => JSON.parse(l).type === 'leaf' && JSON.parse(lines[i + 1]!).type === 'entry') + 1;
    const cases: { what: string; at: number; line: number; expect: RegExp }[] = [
      {
        what: 'details',
        at: offsetIn(e2, '"details":{"', 0),
        line: e2,
        expect: new RegExp(`\\(entry, sequence ${seqOf(e2)}\\)[\\s\\S]*entryHash does not match`),
      },
      {
        what: 'entryHash',
        at: offsetIn(e1, '"entryHash":"', 10),
        line: e1,
        expect: new RegExp(`\\(entry, sequence ${seqOf(e1)}\\)[\\s\\S]*entryHash does not match`),
      },
      {
        what: 'prevHash',
        at: offsetIn(e3, '"prevHash":"', 3),
        line: e3,
        expect: new RegExp(`\\(entry, sequence ${seqOf(e3)}\\)[\\s\\S]*entryHash does not match`),
      },
      // The per-entry HMAC is internal (checking it needs the secret): the manifest's content hash catches it.
      { what: 'entry HMAC', at: offsetIn(e4, '"signature":"', 20), line: last, expect: /\(manifest\)[\s\S]*contentSha256/ },
      // A leaf's entryHash is what the next entry's prevHash links to.
      {
        what: 'leaf',
        at: offsetIn(leaf, '"entryHash":"', 10),
        line: leaf + 1,
        expect: new RegExp(`\\(entry, sequence ${seqOf(leaf + 1)}\\)[\\s\\S]*prevHash does not equal`),
      },
      {
        what: 'manifest count',
        at: offsetIn(last, '"entryCount":', 0),
        line: last,
        expect: /\(manifest\)[\s\S]*manifestHash does not match/,
      },
      {
        what: 'manifest signature',
        at: offsetIn(last, '"signature":"', 5),
        line: last,
        expect: /\(manifest\)[\s\S]*manifest signature does not verify with public key/,
      },
    ];
    for (const c of cases) {
      const tampered = Buffer.from(original);
      const byte = tampered[c.at]!;
      tampered[c.at] = byte === 0x35 ? 0x36 : 0x35; // '5' <-> '6': stays valid JSON and hex
      const target = path.join(exportDir, `tampered-${c.what.replace(/ /g, '-')}.jsonl`);
      await writeFile(target, tampered);
      const run = await verifyCli(target);
      expect(run.code, `${c.what}: ${run.stdout} ${run.stderr}`).toBe(1);
      expect(run.stdout, c.what).toContain(`first bad line: ${c.line} `);
      expect(run.stdout, c.what).toMatch(c.expect);
    }
  }, 60_000);

  it('exports a quarantine case with its recording’s entries', async () => {
    const { lines } = await exportScope({ quarantineCaseId: caseId });
    expect(entrySequences(lines)).toEqual(expected.case);
  });

  it('exports a time range as a contiguous slice of the chain', async () => {
    await flushAuditSequencer();
    const first = await db().auditEntry.findFirstOrThrow({ where: { sequence: BigInt(expected.a[0]!) } });
    await flushAuditSequencer();
    const last = await db().auditEntry.findFirstOrThrow({ where: { sequence: BigInt(expected.b.at(-1)!) } });
    const { lines, file } = await exportScope({
      from: first.occurredAt.toISOString(),
      to: new Date(last.occurredAt.getTime() + 1).toISOString(),
    });
    const sequences = entrySequences(lines).map(Number);
    expect(sequences[0]).toBeLessThanOrEqual(Number(expected.a[0]));
    expect(sequences.at(-1)).toBeGreaterThanOrEqual(Number(expected.b.at(-1)));
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => sequences[0]! + i));
    expect(JSON.parse(lines.at(-1)!).manifest).toMatchObject({ filtered: false, leafCount: 0 });
    const run = await verifyCli(file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });

  it('refuses unknown recordings and malformed scopes before recording anything', async () => {
    const before = await db().auditExport.count();
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(startAuditExport({ scope: { recordingIds: [rec.a.id, unknown] }, user: auditor })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining(unknown),
    });
    await expect(startAuditExport({ scope: { quarantineCaseId: unknown }, user: auditor })).rejects.toBeInstanceOf(AppError);
    await expect(startAuditExport({ scope: { from: '2026-02-01', to: '2026-01-01' }, user: auditor })).rejects.toBeInstanceOf(ZodError);
    await expect(startAuditExport({ scope: { recordingIds: ['not-a-uuid'] }, user: auditor })).rejects.toBeInstanceOf(ZodError);
    await expect(startAuditExport({ scope: { bogus: 1 } as TAuditScope, user: auditor })).rejects.toBeInstanceOf(ZodError);
    expect(await db().auditExport.count()).toBe(before);
    await expect(openAuditExport(unknown)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getAuditExport(unknown)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports progress page by page and streams in sequence order', async () => {
    const progress: number[] = [];
    const file = path.join(exportDir, 'progress.jsonl');
    const result = await exportAuditBundle({
      exportId: 'progress',
      scope: {},
      resolved: await resolveAuditScope({}),
      createdBy: { id: 'test' },
      write: bundleFileWriter(file),
      pageSize: 4,
      onProgress: (n) => void progress.push(n),
    });
    expect(progress.at(-1)).toBe(result.manifest.entryCount);
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(result.manifest.entryCount / 4));
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(result.manifest).toMatchObject({ firstSequence: '1', leafCount: 0, filtered: false });
  });

  it('audits who downloaded an export, with the manifest it received', async () => {
    const { view } = await exportScope({ recordingIds: [rec.b.id] });
    const opened = await openAuditExport(view.id, auditor);
    opened.stream.destroy();
    await flushAuditSequencer();
    const { entries } = await listAuditEntries({ subjectType: 'export', subjectId: view.id });
    const download = entries.find((e) => e.action === 'audit.export_downloaded');
    expect(download).toMatchObject({ actorType: 'user', actorId: auditor.id });
    expect(download?.details).toMatchObject({ manifestSha256: view.manifestSha256, size: opened.size });
  });

  it('lists a recording’s history newest first, page by page', async () => {
    const page1 = await listAuditEntries({ subjectType: 'recording', subjectId: rec.a.key, take: 1 });
    expect(page1.entries.map((e) => e.sequence)).toEqual([expected.a[1]]);
    const page2 = await listAuditEntries({
      subjectType: 'recording',
      subjectId: rec.a.key,
      take: 1,
      beforeSequence: BigInt(page1.nextBeforeSequence!),
    });
    expect(page2.entries.map((e) => e.sequence)).toEqual([expected.a[0]]);
    expect(page2.nextBeforeSequence).toBeNull();
  });
});
