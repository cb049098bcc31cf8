// What an outside auditor can check with nothing but the standalone verifier (built by
// `npm run build:verifier`, run outside the repository) and the published public keys: a genuine filtered
// export passes with inclusion in a named, earlier checkpoint; a bundle that omits or withholds an entry of
// its range fails; a forgery re-chained and re-signed with every key an outsider can hold fails; one changed
// byte fails. Checkpoints are real Object-Locked objects on the S3 server, their roots recomputed here.
import { createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStandaloneVerifier } from '@/tests/support/build-standalone-verifier';
import { GET as getKeys } from '@/app/api/audit/keys/route';
import { journalAuditEntry, type TRawAuditInput } from '@/lib/audit/append-audit-entry';
import { manifestDigest, type TManifestLine } from '@/lib/audit/bundle-format';
import { bundleFileWriter } from '@/tests/support/bundle-file-writer';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { checkpointDigest, type TCheckpoint } from '@/lib/audit/checkpoint-format';
import { exportAuditBundle } from '@/lib/audit/export-audit-bundle';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { hashAuditEntry, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import { parseLocalKeys } from '@/lib/audit/local-key-provider';
import { listPublishedKeys } from '@/lib/audit/list-published-keys';
import { LocalSigningProvider } from '@/lib/audit/local-signing-provider';
import { auditLeafHash, entryTags } from '@/lib/audit/merkle-leaf';
import { CompactRange, rootFromRanges } from '@/lib/audit/merkle';
import { resolveAuditScope } from '@/lib/audit/resolve-audit-scope';
import type { TAuditScope } from '@/lib/audit/scope';
import { parseSigningKeys } from '@/lib/audit/signing-keys';
import { verifyAuditCheckpoints } from '@/lib/audit/verify-audit-checkpoints';
import { verifySignature, signedMessage } from '@/lib/audit/verify-signature';
import { toAuditRecord } from '@/lib/audit/to-audit-record';
import { db } from '@/lib/db';
import { createS3Client } from '@/lib/storage/s3-client';
import { processCheckpointAudit } from '@/workers/processors/checkpoint-audit';
import { throwawayDatabase } from '@/tests/support/throwaway-database';
import { runNode, type TRun } from '@/tests/support/run-node';
import type { Job } from 'bullmq';

const scratch = throwawayDatabase('audit_evidence');
const url = scratch.url;
let s3: ReturnType<typeof createS3Client>;
let dir = '';
let verifier = '';
let keysFile = '';
const rec = { a: { id: '', key: 'genesys-cloud:rec-evidence-a' }, b: { id: '', key: 'nice-cxone:rec-evidence-b' } };

/** The built verifier, run from an empty directory: no repository, no node_modules, no environment. */
const verify = (...args: string[]): Promise<TRun> =>
  runNode([verifier, '--keys', keysFile, ...args], { cwd: dir, env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '' } });

async function exportTo(name: string, scope: TAuditScope): Promise<{ file: string; lines: string[] }> {
  const file = path.join(dir, `${name}.jsonl`);
  await exportAuditBundle({
    exportId: name,
    scope,
    resolved: await resolveAuditScope(scope),
    createdBy: { id: 'auditor-test' },
    write: bundleFileWriter(file),
  });
  return { file, lines: (await readFile(file, 'utf8')).trimEnd().split('\n') };
}

const writeLines = async (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
};
const parsed = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  process.env.DATABASE_URL = url; // before anything reads the environment
  s3 = createS3Client();
  dir = await mkdtemp(path.join(tmpdir(), 'cv-audit-evidence-'));
  await scratch.create();
  ({ verifier, keysFile } = await buildStandaloneVerifier(dir));
  const a = await db().recording.create({
    data: { archiveId: 'arch-evidence-a', vendorSource: 'GENESYS_CLOUD', vendorRecordingId: 'rec-evidence-a' },
  });
  const b = await db().recording.create({
    data: { archiveId: 'arch-evidence-b', vendorSource: 'NICE_CXONE', vendorRecordingId: 'rec-evidence-b' },
  });
  rec.a.id = a.id;
  rec.b.id = b.id;
  const noise: TRawAuditInput = { actorType: 'system', actorId: 'noise', action: 'test.noise', subjectType: 'system', subjectId: 'noise' };
  for (let i = 0; i < 4; i++) {
    await journalAuditEntry({
      actorType: 'vendor',
      actorId: 'genesys',
      action: 'ingest.received',
      subjectType: 'recording',
      subjectId: rec.a.key,
      details: { i },
    });
    await journalAuditEntry(noise);
    await journalAuditEntry({
      actorType: 'worker',
      actorId: 'w1',
      action: 'archive.stored',
      subjectType: 'recording',
      subjectId: rec.b.key,
      details: { recordingId: b.id },
    });
    await journalAuditEntry({
      actorType: 'user',
      actorId: 'officer',
      action: 'playback.issued',
      subjectType: 'user',
      subjectId: 'officer',
      details: { recordingId: a.id, reason: 'QA' },
    });
  }
  await flushAuditSequencer(); // checkpoints and exports cover chained entries only
}, 120_000);

afterAll(async () => {
  await db().$disconnect();
  await scratch.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('audit evidence for outsiders', () => {
  it('publishes signed, Object-Locked checkpoints whose roots match the whole chain', async () => {
    const job = { id: 'test' } as Job;
    const first = (await processCheckpointAudit(job)) as { status: string; id: string; treeSize: string; rootHash: string };
    expect(first).toMatchObject({ status: 'published', treeSize: '16' });
    expect(await processCheckpointAudit(job)).toMatchObject({ status: 'unchanged', id: first.id });
    await journalAuditEntry({ actorType: 'system', actorId: 'noise', action: 'test.noise', subjectType: 'system', subjectId: 'noise' });
    await flushAuditSequencer();
    const second = (await processCheckpointAudit(job)) as typeof first;
    expect(second).toMatchObject({ status: 'published', treeSize: '17' });

    // Recomputed from every row, independently of the stored frontier the job extended.
    const rows = await db().auditEntry.findMany({ orderBy: { sequence: 'asc' } });
    const all = new CompactRange(0);
    for (const r of rows) all.appendLeaf(auditLeafHash(r.entryHash, entryTags(r)));
    expect(second.rootHash).toBe(all.root());

    const row = await db().auditCheckpoint.findUniqueOrThrow({ where: { id: second.id } });
    const object = await s3.send(new GetObjectCommand({ Bucket: row.bucket, Key: row.key, VersionId: row.versionId ?? undefined }));
    expect(object.ObjectLockMode).toBe('COMPLIANCE');
    const stored = JSON.parse(await object.Body!.transformToString()) as { checkpoint: TCheckpoint; keyId: string; signature: string };
    expect(stored.checkpoint).toMatchObject({ id: second.id, treeSize: '17', rootHash: all.root(), lastHash: rows.at(-1)!.entryHash });
    const key = (await listPublishedKeys()).keys.find((k) => k.keyId === stored.keyId)!;
    expect(verifySignature(key, signedMessage('checkpoint', checkpointDigest(stored.checkpoint)), stored.signature)).toBe(true);
  });

  it('serves the public keys without a session, exactly as the verifier reads them', async () => {
    const response = await getKeys();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('public');
    const body = (await response.json()) as { format: string; keys: { keyId: string; publicKey: string; fingerprint: string }[] };
    expect(body).toEqual(JSON.parse(await readFile(keysFile, 'utf8')));
    expect(body.format).toBe('callvault-audit-keys');
    expect(JSON.stringify(body)).not.toMatch(/privateKey/);
  });

  it('a genuine filtered export passes the standalone verifier with inclusion and consistency proofs', async () => {
    const { file, lines } = await exportTo('genuine', { recordingIds: [rec.a.id] });
    const items = parsed(lines);
    expect(items.filter((l) => l.type === 'entry')).toHaveLength(8);
    expect(
      items
        .filter((l) => l.type === 'entry')
        .every((l) => l.subjectId === rec.a.key || (l.details as { recordingId?: string }).recordingId === rec.a.id),
    ).toBe(true);
    const manifest = (items.at(-1) as unknown as TManifestLine).manifest;
    expect(Date.parse(manifest.checkpoint!.checkpoint.createdAt)).toBeLessThanOrEqual(Date.parse(manifest.createdAt));
    expect(await db().auditCheckpoint.count({ where: { id: manifest.checkpoint!.checkpoint.id } })).toBe(1);

    const run = await verify(file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`VALID ${file}`);
    expect(run.stdout).toMatch(/signature: +manifest signed by test-s1 \(Ed25519, sha256:[0-9a-f]{64}\) at .*: valid/);
    expect(run.stdout).toContain(`inclusion:    every sequence of the range is in checkpoint ${manifest.checkpoint!.checkpoint.id}`);
    // Nothing was chained since the last scheduled checkpoint, so the export reuses it; the one before it is the previous.
    expect(run.stdout).toMatch(/consistency: +checkpoint \S+ \(size 17\) extends checkpoint \S+ \(size 16,/);
    expect(run.stdout).toMatch(/completeness: range 1\.\.\d+ complete: 8 matching entries in full, \d+ outside the filter as hashes/);
    const json = JSON.parse((await verify(file, '--json')).stdout) as { ok: boolean; inclusion: { id: string } };
    expect(json).toMatchObject({ ok: true, inclusion: { id: manifest.checkpoint!.checkpoint.id } });
  });

  it('fails a bundle that omits or withholds an entry inside its range, and one changed byte', async () => {
    const { lines } = await exportTo('omission', { recordingIds: [rec.a.id] });
    const items = parsed(lines);
    const victim = items.findIndex((l, i) => i > 3 && l.type === 'entry');
    const omitted = await verify(
      await writeLines(
        'omitted.jsonl',
        lines.filter((_, i) => i !== victim),
      ),
    );
    expect(omitted.code).toBe(1);
    expect(omitted.stdout).toMatch(/\[completeness\] sequence \d+ is missing from the range/);

    const record = items[victim] as unknown as TAuditRecord;
    const leaf = canonicalJson({ type: 'leaf', sequence: record.sequence, entryHash: record.entryHash, tags: entryTags(record) });
    const withheld = await verify(
      await writeLines(
        'withheld.jsonl',
        lines.map((l, i) => (i === victim ? leaf : l)),
      ),
    );
    expect(withheld.code).toBe(1);
    expect(withheld.stdout).toContain(`first bad line: ${victim + 1} (entry, sequence ${record.sequence})`);
    expect(withheld.stdout).toMatch(/\[completeness\] an entry within the export's filter was withheld/);

    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const at = bytes.indexOf('"action":"ingest.received"') + 12;
    bytes[at] = bytes[at]! ^ 0x01;
    const flipped = path.join(dir, 'flipped.jsonl');
    await writeFile(flipped, bytes);
    const run = await verify(flipped);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/INVALID[\s\S]*entryHash does not match/);
  });

  it('fails a forgery re-chained and re-signed with the HMAC key and the forger’s own signing key', async () => {
    const last = await db().auditEntry.findFirstOrThrow({ orderBy: { sequence: 'desc' } });
    const { lines } = await exportTo('to-forge', {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(last.occurredAt.getTime() + 1).toISOString(),
    });
    const items = parsed(lines);
    const hmacKeys = parseLocalKeys(process.env.AUDIT_HMAC_KEYS!);
    const forgerKey = parseSigningKeys(
      JSON.stringify([
        {
          id: 'test-s1',
          privateKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
          validFrom: '2020-01-01T00:00:00Z',
        },
      ]),
    );
    const forger = new LocalSigningProvider(forgerKey, 'test-s1');

    // Rewrite the reason of one playback, re-chain everything after it, re-sign each entry's HMAC.
    const target = items.findIndex((l) => l.action === 'playback.issued');
    let prev: string | null = null;
    const range = new CompactRange(Number((items[1] as { sequence: string }).sequence) - 1);
    for (let i = 1; i < items.length - 1; i++) {
      const e = items[i] as unknown as TAuditRecord;
      if (i === target) e.details = { ...(e.details as object), reason: 'routine check' };
      if (i >= target) {
        e.prevHash = prev ?? e.prevHash;
        e.entryHash = hashAuditEntry(e);
        e.signature = createHmac('sha256', hmacKeys.get(e.keyId)!).update(e.entryHash).digest('hex');
      }
      prev = e.entryHash;
      range.appendLeaf(auditLeafHash(e.entryHash, entryTags(e)));
    }
    // A new checkpoint and manifest, consistent with the forged entries, signed with the forger's key.
    const m = (items.at(-1) as unknown as TManifestLine).manifest;
    const checkpoint = {
      ...m.checkpoint!.checkpoint,
      rootHash: rootFromRanges(m.proof.inclusion!.left, range.nodes(), m.proof.inclusion!.right),
      lastHash: prev,
    };
    const cpSig = await forger.sign('checkpoint', checkpointDigest(checkpoint), new Date(checkpoint.createdAt));
    const body = items
      .slice(0, -1)
      .map((l) => `${canonicalJson(l)}\n`)
      .join('');
    const manifest = {
      ...m,
      checkpoint: { checkpoint, ...cpSig },
      previousCheckpoint: null,
      proof: { ...m.proof, consistency: null },
      lastHash: prev,
      contentSha256: createHash('sha256').update(body).digest('hex'),
      contentBytes: Buffer.byteLength(body),
    };
    const manifestHash = manifestDigest(manifest);
    const sig = await forger.sign('manifest', manifestHash, new Date(manifest.createdAt));
    const forged = path.join(dir, 'forged.jsonl');
    await writeFile(forged, `${body}${canonicalJson({ type: 'manifest', manifest, manifestHash, ...sig })}\n`);

    const run = await verify(forged);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\(manifest\)[\s\S]*\[signature\] manifest signature does not verify with public key "test-s1"/);
    // The genuine bundle it came from still passes.
    expect((await verify(path.join(dir, 'to-forge.jsonl'))).code).toBe(0);
  });

  // Last: it leaves the table rewritten.
  it('catches a table rewritten behind the trigger after a checkpoint was published', async () => {
    expect(await verifyAuditCheckpoints({ s3 })).toMatchObject({ ok: true, fault: null });
    const checked = (await verifyAuditCheckpoints({ s3 })).checked;
    expect(checked).toBeGreaterThanOrEqual(2);
    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    try {
      // Even with the trigger disabled and every later link and HMAC recomputed, the published root disagrees.
      await sql.query('ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"');
      const rows = await db().auditEntry.findMany({ where: { sequence: { gte: 3n } }, orderBy: { sequence: 'asc' } });
      const hmac = parseLocalKeys(process.env.AUDIT_HMAC_KEYS!);
      let prevHash = (await db().auditEntry.findUniqueOrThrow({ where: { sequence: 2n } })).entryHash;
      for (const row of rows) {
        const record = { ...toAuditRecord(row), prevHash, ...(row.sequence === 3n ? { details: { rewritten: true } } : {}) };
        const entryHash = hashAuditEntry(record);
        const signature = createHmac('sha256', hmac.get(row.keyId)!).update(entryHash).digest('hex');
        await sql.query(
          'UPDATE "AuditEntry" SET "details" = $1, "prevHash" = $2, "entryHash" = $3, "signature" = $4 WHERE "sequence" = $5',
          [JSON.stringify(record.details), prevHash, entryHash, signature, row.sequence.toString()],
        );
        prevHash = entryHash;
      }
      const result = await verifyAuditCheckpoints({ s3 });
      expect(result).toMatchObject({
        ok: false,
        checked: 0,
        fault: { treeSize: '16', message: expect.stringContaining('no longer rebuild') },
      });
    } finally {
      await sql.query('ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"');
      await sql.end();
    }
  });
});
