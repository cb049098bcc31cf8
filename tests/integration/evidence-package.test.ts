// Evidence packages on the real RGW and Postgres, checked by the standalone verifier built from the
// repository and run as a child process outside it: a matter's package holds the audio exactly as archived,
// metadata, vendor payloads, the recordings' audit entries with inclusion proofs, and a signed manifest;
// one changed byte fails; a masked role's package is masked and says so; downloads are audited; a package
// whose worker died is settled (re-queued, then failed), never left running.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tarFiles } from '@/tests/support/tar-files';
import { buildStandaloneVerifier } from '@/tests/support/build-standalone-verifier';
import { createSessionUser } from '@/tests/support/create-session-user';
import { setupArchiveKit } from '@/tests/support/setup-archive-kit';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { openEvidencePackage } from '@/lib/evidence/open-evidence-package';
import { runEvidencePackage } from '@/lib/evidence/run-evidence-package';
import { startEvidencePackage } from '@/lib/evidence/start-evidence-package';
import { sweepEvidencePackages } from '@/lib/evidence/sweep-evidence-packages';
import { addMatterRecordings } from '@/lib/legal-hold/add-matter-recordings';
import { createMatter } from '@/lib/legal-hold/create-matter';
import { evidencePackageQueue } from '@/lib/queue/queues';
import { runNode, type TRun } from '@/tests/support/run-node';

const { kit } = setupArchiveKit();
let officer: TSessionUser;
let auditor: TSessionUser;
let dir = '';
let verifier = '';
let keysFile = '';
const recordings: { id: string; checksumSha256: string | null }[] = [];

const verify = (file: string): Promise<TRun> =>
  runNode([verifier, '--keys', keysFile, file], { cwd: dir, env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '' } });

async function built(id: string): Promise<string> {
  await flushAuditSequencer();
  expect(await runEvidencePackage(id)).toEqual({ status: 'completed', packageId: id });
  return id;
}

async function download(id: string, user: TSessionUser): Promise<{ file: string; bytes: Buffer }> {
  const opened = await openEvidencePackage(id, user);
  const bytes = await buffer(opened.stream);
  const file = path.join(dir, opened.filename);
  await writeFile(file, bytes);
  return { file, bytes };
}

beforeAll(async () => {
  officer = await createSessionUser('OFFICER');
  auditor = await createSessionUser('AUDITOR');
  dir = await mkdtemp(path.join(tmpdir(), 'cv-evidence-package-'));
  ({ verifier, keysFile } = await buildStandaloneVerifier(dir));
  for (let i = 0; i < 2; i++) {
    const { recordingId } = await kit.archive(kit.sim.addRecording({ seconds: 3 }));
    recordings.push(await db().recording.findUniqueOrThrow({ where: { id: recordingId! }, select: { id: true, checksumSha256: true } }));
  }
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('evidence packages', () => {
  it('packages a matter: audio as archived, metadata, payloads, proven audit entries; the standalone verifier says VALID, a changed byte INVALID', async () => {
    const matter = await createMatter({ reference: `EVD-${randomUUID().slice(0, 8)}`, name: 'Evidence matter', description: '' }, officer);
    await addMatterRecordings(matter.id, { recordingIds: recordings.map((r) => r.id) }, officer);
    const { id } = await startEvidencePackage({ matterId: matter.id }, officer);
    expect((await db().evidencePackage.findUniqueOrThrow({ where: { id } })).status).toBe('queued');
    expect(await evidencePackageQueue().getJob(id)).toBeTruthy();
    await built(id);

    const { file, bytes } = await download(id, officer);
    const ok = await verify(file);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^VALID /m);
    expect(ok.stdout).toMatch(/inclusion: +every sequence of the range is in checkpoint/);

    const files = await tarFiles(bytes);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()).manifest;
    expect(manifest).toMatchObject({ identifiers: 'clear', subject: { kind: 'matter', matter: { id: matter.id } } });
    for (const r of recordings) {
      const entry = manifest.recordings.find((x: { id: string }) => x.id === r.id);
      expect(entry.audio).toBeTruthy();
      expect(createHash('sha256').update(files.get(entry.audio)!).digest('hex')).toBe(r.checksumSha256);
      expect(entry.vendorPayloads.length).toBeGreaterThan(0);
      expect(JSON.parse(files.get(entry.metadata)!.toString())).toMatchObject({ id: r.id });
    }
    const auditLines = files.get('audit/audit-entries.cvaudit.jsonl')!.toString().trim().split('\n');
    expect(auditLines.some((l) => l.includes('"type":"entry"') && l.includes(recordings[0]!.id))).toBe(true);

    // One byte of audio changed: the verifier names the file.
    const audioOffset = bytes.indexOf(files.get(manifest.recordings[0].audio)!);
    const tampered = Buffer.from(bytes);
    tampered[audioOffset + 100] = tampered[audioOffset + 100]! ^ 0xff;
    const badFile = path.join(dir, 'tampered.tar');
    await writeFile(badFile, tampered);
    const bad = await verify(badFile);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/INVALID[\s\S]*\[file_hash\]/);

    await flushAuditSequencer();
    expect(
      (await db().auditEntry.findMany({ where: { subjectType: 'evidence_package', subjectId: id }, select: { action: true } }))
        .map((a) => a.action)
        .sort(),
    ).toEqual(['evidence.package_built', 'evidence.package_downloaded', 'evidence.package_requested']);
  });

  it('masks identifiers for a masked role and says so; a package in clear is not handed to that role', async () => {
    const { id } = await startEvidencePackage({ recordingIds: [recordings[0]!.id] }, auditor);
    await built(id);
    const { file, bytes } = await download(id, auditor);
    expect((await verify(file)).code).toBe(0);
    const files = await tarFiles(bytes);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()).manifest;
    expect(manifest.identifiers).toBe('masked');
    const metadata = JSON.parse(files.get(manifest.recordings[0].metadata)!.toString());
    const customer = metadata.participants.find((p: { role: string }) => p.role === 'CUSTOMER');
    expect(customer?.masked).toBe(true);

    const clear = await startEvidencePackage({ recordingIds: [recordings[0]!.id] }, officer);
    await built(clear.id);
    await expect(openEvidencePackage(clear.id, auditor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a package whose worker died is re-queued while attempts remain, then failed with the reason', async () => {
    const { id } = await startEvidencePackage({ recordingIds: [recordings[1]!.id] }, officer);
    await (await evidencePackageQueue().getJob(id))?.remove();
    const old = new Date(Date.now() - 10 * 60_000);
    await db().evidencePackage.update({ where: { id }, data: { status: 'running', createdAt: old, heartbeatAt: old, attempts: 1 } });
    expect((await sweepEvidencePackages()).requeued).toContain(id);
    await (await evidencePackageQueue().getJob(id))?.remove();
    await db().evidencePackage.update({
      where: { id },
      data: { status: 'running', heartbeatAt: old, attempts: env().AUDIT_EXPORT_ATTEMPTS },
    });
    expect((await sweepEvidencePackages()).failed).toContain(id);
    expect(await db().evidencePackage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/No worker finished the package/),
    });
  });
});
