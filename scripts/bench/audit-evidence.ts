// Outside-verification cost, without a database: builds an in-memory chain of N entries (hashed and
// HMAC-signed like the sequencer does), writes it as a format-2 bundle anchored to a signed checkpoint
// over the whole chain, and measures (1) Merkle leaf + compact-range throughput, (2) bundle writing, and
// (3) the STANDALONE built verifier on that file in its own process (time and peak RSS from /proc),
// unfiltered and filtered (1 entry in 50 in scope, the rest as leaf lines). Not part of the tests.
//
//   node --import tsx scripts/bench/audit-evidence.ts [--entries 200000]
//
// Results: docs/benchmarks/audit-evidence.md.
import { spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleFileWriter } from '@/tests/support/bundle-file-writer';
import { checkpointDigest, CHECKPOINT_FORMAT, CHECKPOINT_FORMAT_VERSION, type TCheckpoint } from '@/lib/audit/checkpoint-format';
import { GENESIS_HASH, hashAuditEntry, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import { LocalSigningProvider } from '@/lib/audit/local-signing-provider';
import { auditLeafHash, entryTags, type TAuditFilter } from '@/lib/audit/merkle-leaf';
import { CompactRange } from '@/lib/audit/merkle';
import { parseSigningKeys } from '@/lib/audit/signing-keys';
import { createAuditBundle } from '@/lib/audit/write-audit-bundle';
import { Readable } from 'node:stream';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '200000' } } });
const N = Number(values.entries);
const ROOT = path.resolve(import.meta.dirname, '../..');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} /s (${s.toFixed(1)} s)`;

function buildChain(): TAuditRecord[] {
  const key = randomBytes(32);
  const out: TAuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= N; i++) {
    const rec = `genesys-cloud:rec-${i % 500}`;
    const hashed = {
      sequence: String(i),
      occurredAt: new Date(Date.UTC(2027, 0, 1) + i).toISOString(),
      actorType: 'worker',
      actorId: `w${i % 4}`,
      action: 'archive.stored',
      subjectType: 'recording',
      subjectId: rec,
      details: { recordingId: `r-${i % 500}`, sha256: 'ab'.repeat(32), bytes: 1_234_567 },
      prevHash,
    };
    const entryHash = hashAuditEntry(hashed);
    out.push({ ...hashed, entryHash, keyId: 'bench-k1', signature: createHmac('sha256', key).update(entryHash).digest('hex') });
    prevHash = entryHash;
  }
  return out;
}

/** Runs `node args` polling its peak RSS (VmHWM). */
async function measure(args: string[]): Promise<{ seconds: number; peakRss: number; stdout: string; code: number | null }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT });
  let stdout = '';
  let peakRss = 0;
  child.stdout.on('data', (d) => (stdout += d));
  const timer = setInterval(async () => {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => ''));
    if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, peakRss, stdout, code };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cv-bench-evidence-'));
  try {
    let t = performance.now();
    const chain = buildChain();
    console.log(`chain built (hash + HMAC): ${rate(N, (performance.now() - t) / 1000)}`);
    t = performance.now();
    const tree = new CompactRange(0);
    for (const r of chain) tree.appendLeaf(auditLeafHash(r.entryHash, entryTags(r)));
    const root = tree.root();
    console.log(`Merkle leaves (tags + leaf hash + compact range), whole chain: ${rate(N, (performance.now() - t) / 1000)}`);

    const keys = parseSigningKeys(
      JSON.stringify([
        {
          id: 'bench-s1',
          privateKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
          validFrom: '2020-01-01T00:00:00Z',
        },
      ]),
    );
    const signer = new LocalSigningProvider(keys, undefined);
    const keysFile = path.join(dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify({ keys: await signer.publishedKeys() }));
    const checkpoint: TCheckpoint = {
      format: CHECKPOINT_FORMAT,
      formatVersion: CHECKPOINT_FORMAT_VERSION,
      id: 'bench',
      treeSize: String(N),
      rootHash: root,
      lastHash: chain.at(-1)!.entryHash,
      createdAt: '2027-01-02T00:00:00.000Z',
    };
    const signed = { checkpoint, ...(await signer.sign('checkpoint', checkpointDigest(checkpoint), new Date(checkpoint.createdAt))) };
    const verifier = path.join(dir, 'verify.mjs');
    const build = await measure(['--import', 'tsx', 'scripts/audit/build-verifier.ts', verifier]);
    if (build.code !== 0) throw new Error('verifier build failed');

    for (const filter of [
      null,
      {
        subjects: [
          {
            subjectType: 'recording',
            subjectIds: [
              'genesys-cloud:rec-7',
              'genesys-cloud:rec-8',
              'genesys-cloud:rec-9',
              'genesys-cloud:rec-10',
              'genesys-cloud:rec-11',
              'genesys-cloud:rec-12',
              'genesys-cloud:rec-13',
              'genesys-cloud:rec-14',
              'genesys-cloud:rec-15',
              'genesys-cloud:rec-16',
            ],
          },
        ],
        details: [],
      } as TAuditFilter,
    ]) {
      const label = filter ? 'filtered (1 in 50 in scope)' : 'unfiltered';
      const file = path.join(dir, `${filter ? 'filtered' : 'full'}.jsonl`);
      t = performance.now();
      const bundle = createAuditBundle({
        description: {
          kind: 'export',
          id: 'bench',
          createdAt: '2027-01-03T00:00:00.000Z',
          createdBy: { id: 'bench' },
          scope: {},
          filtered: filter !== null,
          filter,
          sequenceRange: { first: '1', last: String(N) },
          previousSegment: null,
        },
        batches: (async function* () {
          for (let i = 0; i < N; i += 2000) yield chain.slice(i, i + 2000);
        })(),
        signer,
        chainHead: { sequence: String(N), entryHash: chain.at(-1)!.entryHash },
        anchor: { checkpoint: signed, previous: null, proof: { inclusion: { left: [], right: [] }, consistency: null } },
      });
      await bundleFileWriter(file)(Readable.from(bundle.lines, { highWaterMark: 2 }));
      const size = (await stat(file)).size;
      console.log(
        `write bundle, ${label}: ${rate(N, (performance.now() - t) / 1000)}, ${mb(size)} (${size} bytes), ${bundle.result().manifest.entryCount} entries in full`,
      );
      const run = await measure([verifier, '--keys', keysFile, file]);
      if (run.code !== 0 || !run.stdout.startsWith('VALID')) throw new Error(`bundle did not verify: ${run.stdout}`);
      console.log(`standalone verifier, ${label}: ${rate(N, run.seconds)} incl. process start, peak RSS ${mb(run.peakRss)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
