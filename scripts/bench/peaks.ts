// Benchmark of waveform peak computation (lib/media/peaks-compute.ts) on 1-minute, 1-hour and 4-hour calls:
// wall time, the Node process's peak RSS (VmHWM) and the ffmpeg decoder's, and the size of the peaks JSON.
// Each file is computed in a fresh Node process, so one run's high-water mark does not hide the next one's.
//   node --import tsx scripts/bench/peaks.ts [--hours 4]
// Needs ffmpeg and sox (scripts/setup-services.sh installs them). Prints a Markdown table.
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computePeaks } from '@/lib/media/peaks-compute';
import { makePeaksTestMedia } from '@/tests/support/peaks-test-media';

const hwm = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** In the child: compute one file's peaks while sampling the ffmpeg child's high-water mark. */
async function measureOne(file: string): Promise<void> {
  let ffmpegMb = 0;
  const sample = setInterval(() => {
    try {
      for (const pid of readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean))
        ffmpegMb = Math.max(ffmpegMb, hwm(Number(pid)));
    } catch {
      // the decoder has just exited
    }
  }, 20);
  const started = performance.now();
  const peaks = await computePeaks(createReadStream(file));
  clearInterval(sample);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    JSON.stringify({
      seconds,
      nodeMb: hwm(process.pid),
      ffmpegMb,
      jsonBytes: JSON.stringify(peaks).length,
      duration: peaks.duration_seconds,
      channels: peaks.channels,
      buckets: peaks.length,
      spp: peaks.samples_per_pixel,
    }),
  );
}

function runChild(file: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/peaks.ts', '--one', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`exit ${code} for ${file}`)),
    );
  });
}

/** μ-law 8 kHz stereo: one synthesized minute repeated (sox synthesis of hours would dominate the bench time). */
function stereoMulaw(dir: string, minutes: number): string {
  const minute = join(dir, 'minute-stereo.wav');
  execFileSync('sox', ['-r', '8000', '-c', '2', '-n', '-e', 'u-law', minute, 'synth', '60', 'sine', '300-3000', 'remix', '1v0.8', '2v0.2']);
  if (minutes === 1) return minute;
  const out = join(dir, `stereo-mulaw-${minutes}m.wav`);
  execFileSync('sox', [minute, out, 'repeat', String(minutes - 1)]);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { hours: { type: 'string', default: '4' }, one: { type: 'string' } } });
  if (values.one) return measureOne(values.one);
  const hours = Number(values.hours);
  const dir = mkdtempSync(join(tmpdir(), 'bench-peaks-'));
  try {
    const files = [
      { name: '1 min, IMA ADPCM 4 kHz mono', file: makePeaksTestMedia(join(dir, 'adpcm-1m.wav'), { seconds: 60 }) },
      { name: `${hours} h, IMA ADPCM 4 kHz mono`, file: makePeaksTestMedia(join(dir, `adpcm-${hours}h.wav`), { seconds: hours * 3600 }) },
      { name: '1 min, μ-law 8 kHz stereo', file: stereoMulaw(dir, 1) },
      { name: '1 h, μ-law 8 kHz stereo', file: stereoMulaw(dir, 60) },
      { name: `${hours} h, μ-law 8 kHz stereo`, file: stereoMulaw(dir, hours * 60) },
    ];
    process.stdout.write(
      '| file | size | peaks time | Node peak RSS | ffmpeg peak RSS | peaks JSON | buckets × samples/bucket |\n|---|---|---|---|---|---|---|\n',
    );
    for (const f of files) {
      const r = await runChild(f.file);
      const mb = (n: number) => `${n.toFixed(1)} MB`;
      process.stdout.write(
        `| ${f.name} | ${mb(statSync(f.file).size / 1048576)} | ${r.seconds!.toFixed(1)} s | ${mb(r.nodeMb!)} | ${mb(r.ffmpegMb!)} | ${mb(r.jsonBytes! / 1048576)} | ${r.buckets} × ${r.spp} |\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
