// Benchmark of `npm run media:check` over the generated corpus and 1- and 4-hour recordings: for each file the
// command's JSON line, its wall time and its peak RSS (VmHWM of the process, read from /proc while it runs).
// Each file is checked by a fresh process exactly as an operator would run it.
//   node --import tsx scripts/bench/media-check.ts [--hours 4]
// Needs ffmpeg and sox (scripts/setup-services.sh installs them). Prints a Markdown table.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkMediaFile } from '@/lib/media/check-media-file';
import { generateMediaCorpus, type TCorpusEntry } from '@/tests/support/media-corpus';

type TRun = { line: string; seconds: number; peakRssMb: number };

function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function runCheck(file: string, vendorSeconds: number, label: string): Promise<TRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/media-check.ts', file, '--vendor-seconds', String(vendorSeconds), '--format', label],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    let peak = 0;
    // VmHWM is the process's own high-water mark, so sampling only has to catch it before exit.
    const timer = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!))), 5);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      peak = Math.max(peak, peakRss(child.pid!));
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`media:check exited ${code} for ${file}`));
      resolve({ line: out.trim(), seconds: (performance.now() - started) / 1000, peakRssMb: Math.round((peak / 1024 / 1024) * 10) / 10 });
    });
  });
}

/** Long calls: one synthesized minute repeated (sox synthesis of hours would dominate the bench time). */
function longRecordings(dir: string, hours: number): TCorpusEntry[] {
  const minute = join(dir, 'minute.wav');
  execFileSync('sox', ['-n', '-r', '8000', '-c', '1', '-e', 'u-law', minute, 'synth', '60', 'sine', '300-3000']);
  const entry = (name: string, seconds: number): TCorpusEntry => ({
    name,
    file: join(dir, name),
    label: name.split('.').pop()!,
    truthSeconds: seconds,
    vendorSeconds: seconds,
    expected: 'ok',
    container: null,
    codec: null,
  });
  const oneHour = entry('wav-mulaw-1h.wav', 3600);
  const long = entry(`wav-mulaw-${hours}h.wav`, hours * 3600);
  const flac = entry(`flac-${hours}h.flac`, hours * 3600);
  execFileSync('sox', [minute, oneHour.file, 'repeat', '59']);
  execFileSync('sox', [minute, long.file, 'repeat', String(hours * 60 - 1)]);
  execFileSync('sox', [long.file, flac.file]);
  return [oneHour, long, flac];
}

/** The same check inside this process, to separate measuring from process start-up. */
async function inProcessSeconds(e: TCorpusEntry): Promise<number> {
  const started = performance.now();
  await checkMediaFile(e.file, { vendorSeconds: e.vendorSeconds, formatLabel: e.label, toleranceSeconds: 2 });
  return (performance.now() - started) / 1000;
}

async function main() {
  const { values } = parseArgs({ options: { hours: { type: 'string', default: '4' } } });
  const dir = mkdtempSync(join(tmpdir(), 'callvault-media-bench-'));
  try {
    const corpus = generateMediaCorpus(dir);
    const t0 = performance.now();
    const long = longRecordings(dir, Number(values.hours));
    process.stderr.write(`generated the long recordings in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    console.log('| file | bytes | expected | media:check output | process wall s | peak RSS MB | check in-process s |');
    console.log('|---|---:|---|---|---:|---:|---:|');
    let wrong = 0;
    for (const e of [...corpus, ...long]) {
      const r = await runCheck(e.file, e.vendorSeconds, e.label);
      const verdict = (JSON.parse(r.line) as { verdict: string }).verdict;
      if (verdict !== e.expected) wrong++;
      const inProcess = await inProcessSeconds(e);
      console.log(
        `| ${e.name} | ${statSync(e.file).size} | ${e.expected} | \`${r.line}\` | ${r.seconds.toFixed(2)} | ${r.peakRssMb} | ${inProcess.toFixed(3)} |`,
      );
    }
    console.log(`\n${corpus.length + long.length} files, ${wrong} verdicts different from the expected one`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
