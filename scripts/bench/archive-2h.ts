// Benchmark: archive a 2-hour call (WAV 8 kHz 16-bit mono, ~115 MB) through the pipeline's own transfer +
// verification + duration code into the S3 store, next to a plain copy of the same bytes (lib-storage Upload,
// no hashing, no read-back), and report wall time, MB/s and the worker process's peak RSS.
//
// Usage (against the throwaway test RGW — the objects are Object-Locked and cannot be deleted):
//   bash scripts/services/rgw.sh start --profile test
//   set -a; eval "$(bash scripts/services/rgw.sh env --profile test)"; S3_BUCKET_PREFIX=cvbench; set +a
//   node --import tsx scripts/provision-storage.ts
//   node --import tsx scripts/bench/archive-2h.ts [--seconds 7200] [--runs 1]
//
// Each measured copy runs in its own fresh Node process (RSS is per process and never shrinks back), the
// media is served from a separate process over HTTP (as a vendor would), and RSS is sampled every 50 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { get, createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

// The benchmark only talks to S3; the app's env schema also wants these, unused here.
process.env.DATABASE_URL ??= 'postgresql://unused@127.0.0.1:1/unused';
process.env.REDIS_URL ??= 'redis://127.0.0.1:1/0';
process.env.NEXTAUTH_SECRET ??= 'benchmark-does-not-use-this-secret-at-all';
process.env.LOG_LEVEL ??= 'warn';

const SELF = fileURLToPath(import.meta.url);
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
};

type TRunResult = {
  mode: string;
  bytes: number;
  seconds: number;
  mbPerSec: number;
  baselineRssMb: number;
  peakRssMb: number;
  detail: Record<string, unknown>;
};

function sampleRss(): { stop(): { baseline: number; peak: number } } {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return { baseline, peak: Math.max(peak, process.memoryUsage().rss) };
    },
  };
}

const open = (url: string) =>
  new Promise<IncomingMessage>((resolve, reject) => {
    get(url, resolve).on('error', reject);
  });

async function runOne(mode: 'pipeline' | 'plain', url: string, seconds: number): Promise<TRunResult> {
  // Everything is loaded before the clock and the RSS baseline start.
  const { s3 } = await import('@/lib/storage/s3-client');
  const { recordingsBucketFor } = await import('@/lib/archive/assert-same-region');
  const { Upload } = await import('@aws-sdk/lib-storage');
  const { PART_SIZE, QUEUE_SIZE } = await import('@/lib/archive/transfer-media');
  await import('@/lib/archive/verify-stored-object');
  await import('@/lib/media/duration-probe');
  const client = s3();
  const bucket = recordingsBucketFor('us');
  const key = `voice/bench/${mode}-${randomUUID()}.wav`;
  const rss = sampleRss();
  const started = performance.now();
  const res = await open(url);
  const contentLength = Number(res.headers['content-length']);
  let detail: Record<string, unknown>;
  if (mode === 'plain') {
    await new Upload({
      client,
      queueSize: QUEUE_SIZE,
      partSize: PART_SIZE,
      params: { Bucket: bucket, Key: key, Body: res, ContentType: 'audio/wav' },
    }).done();
    detail = { key };
  } else {
    detail = await pipelineCopy(client, res, contentLength, bucket, key, seconds);
  }
  const elapsed = (performance.now() - started) / 1000;
  const { baseline, peak } = rss.stop();
  client.destroy();
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return {
    mode,
    bytes: contentLength,
    seconds: Math.round(elapsed * 100) / 100,
    mbPerSec: Math.round((contentLength / 1e6 / elapsed) * 10) / 10,
    baselineRssMb: mb(baseline),
    peakRssMb: mb(peak),
    detail,
  };
}

async function pipelineCopy(
  client: import('@aws-sdk/client-s3').S3Client,
  res: IncomingMessage,
  contentLength: number,
  bucket: string,
  key: string,
  seconds: number,
) {
  const { transferMedia } = await import('@/lib/archive/transfer-media');
  const { verifyStoredObject } = await import('@/lib/archive/verify-stored-object');
  const { env } = await import('@/lib/env');
  const t0 = performance.now();
  const download = { stream: res, contentLength, contentType: 'audio/wav', mediaFormat: 'wav' };
  const target = {
    region: 'us',
    bucket,
    key,
    retainUntil: new Date(Date.now() + 86_400_000),
    legalHold: false,
    contentType: 'audio/wav',
    metadata: { 'attempt-id': randomUUID() },
  };
  const stored = await transferMedia(client, download, target);
  const t1 = performance.now();
  const check = await verifyStoredObject(client, { bucket, key, versionId: stored.versionId });
  const t2 = performance.now();
  const measured = check.duration.measuredSeconds;
  const ok =
    check.sha256 === stored.sha256 &&
    check.sizeBytes === stored.sizeBytes &&
    measured !== null &&
    Math.abs(measured - seconds) <= env().DURATION_TOLERANCE_SECONDS;
  if (!ok) throw new Error(`verification failed: ${JSON.stringify({ stored, check })}`);
  return {
    key,
    versionId: stored.versionId,
    sha256: stored.sha256,
    measuredDurationSeconds: measured,
    transferSeconds: Math.round(t1 - t0) / 1000,
    verifySeconds: Math.round(t2 - t1) / 1000,
  };
}

function serve(file: string): void {
  const size = statSync(file).size;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': size });
    createReadStream(file).pipe(res);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

function child(args: string[]): { proc: ChildProcess; output: Promise<string> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', SELF, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const output = new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (args[0] === '--serve' && out.includes('\n')) resolve(out.trim());
    });
    proc.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
  return { proc, output };
}

async function main(): Promise<void> {
  const seconds = Number(arg('--seconds', '7200'));
  const runs = Number(arg('--runs', '1'));
  const file = join(tmpdir(), `callvault-bench-${randomUUID()}.wav`);
  const { wavStream } = await import('@/simulators/audio/generate-wav');
  const g0 = performance.now();
  await pipeline(wavStream({ seconds }), createWriteStream(file));
  console.log(
    `generated ${seconds} s WAV: ${(statSync(file).size / 1e6).toFixed(1)} MB in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
  );
  const server = child(['--serve', file]);
  try {
    const url = `http://127.0.0.1:${await server.output}/media.wav`;
    const results: TRunResult[] = [];
    for (let i = 0; i < runs; i++) {
      for (const mode of ['plain', 'pipeline'] as const) {
        const line = await child(['--run', mode, url, String(seconds)]).output;
        results.push(JSON.parse(line.split('\n').pop() as string) as TRunResult);
      }
    }
    console.table(
      results.map(({ detail, ...r }) => ({
        ...r,
        transferSeconds: detail.transferSeconds ?? '',
        verifySeconds: detail.verifySeconds ?? '',
      })),
    );
    console.log(JSON.stringify(results));
  } finally {
    server.proc.kill('SIGTERM');
    rmSync(file, { force: true });
  }
}

if (process.argv[2] === '--serve') serve(process.argv[3] as string);
else if (process.argv[2] === '--run') {
  const result = await runOne(process.argv[3] as 'pipeline' | 'plain', process.argv[4] as string, Number(process.argv[5]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else await main();
