// Summarizes a V8 .cpuprofile (as written by `node --cpu-prof`, e.g. by `npm run bench:intake -- --profile DIR`):
// where the process spent its CPU, by package (self time) and by top functions (self and total).
//
//   node --import tsx scripts/bench/summarize-cpuprofile.ts FILE.cpuprofile [--top 25] [--busiest 10]
//
// --window FROM:TO keeps only the samples between those seconds since the process started, i.e. the steady
// state under load rather than start-up (module loading) and the idle time after the run. Without it, the
// seconds are listed first (busy %, and how much of it was module loading) to choose the window from.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

type TNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type TProfile = { nodes: TNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, window: { type: 'string' } },
});
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as TProfile;
const top = Number(values.top);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Each sample's second since the start; which ones to keep.
const secondOf: number[] = [];
let clock = 0;
for (const d of profile.timeDeltas) secondOf.push(Math.floor((clock += d) / 1e6));
const [from, to] = (values.window ?? '0:1e9').split(':').map(Number) as [number, number];
const keep = (i: number) => secondOf[i]! >= from && secondOf[i]! < to;

// Self time per node from the sample stream (timeDeltas[i] is the time before sample i).
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  if (!keep(i)) return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const totalUs = [...selfUs.values()].reduce((s, v) => s + v, 0);

/** The package a frame belongs to: node_modules/<pkg>, node:internal, the project, or a V8 state like (garbage collector). */
function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  if (url.includes('/.next/')) return '(project, compiled)';
  return '(project) ' + url.replace(/^file:\/\/.*?\/(app|lib|workers|scripts)\//, '$1/');
}

const byPackage = new Map<string, number>();
const selfByFn = new Map<string, number>();
const totalByFn = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  const pkg = packageOf(n.callFrame.url, n.callFrame.functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${pkg}:${n.callFrame.lineNumber + 1}`;
  selfByFn.set(key, (selfByFn.get(key) ?? 0) + us);
  // Total (inclusive) time: every distinct function on the stack gets the sample once.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const f = byId.get(cur)!.callFrame;
    const k = `${f.functionName || '(anonymous)'} ${packageOf(f.url, f.functionName)}:${f.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    totalByFn.set(k, (totalByFn.get(k) ?? 0) + us);
  }
}

const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)} %`;
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((x, y) => y[1] - x[1]).slice(0, top))
    console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
if (!values.window) {
  const inLoad = (id: number): boolean => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
      if (byId.get(cur)!.callFrame.functionName === 'Module._load') return true;
    return false;
  };
  const perSecond = new Map<number, { busy: number; load: number; all: number }>();
  profile.samples.forEach((id, i) => {
    const e = perSecond.get(secondOf[i]!) ?? { busy: 0, load: 0, all: 0 };
    const d = profile.timeDeltas[i] ?? 0;
    e.all += d;
    if (byId.get(id)!.callFrame.functionName !== '(idle)') e.busy += d;
    if (inLoad(id)) e.load += d;
    perSecond.set(secondOf[i]!, e);
  });
  console.log('second  busy  module loading');
  for (const [sec, e] of perSecond)
    console.log(
      `${String(sec).padStart(6)}  ${((100 * e.busy) / e.all).toFixed(0).padStart(3)} %  ${((100 * e.load) / e.all).toFixed(0).padStart(3)} %`,
    );
}
console.log(
  `profile: ${(totalUs / 1e6).toFixed(2)} s of samples${values.window ? ` (seconds ${from} to ${to})` : ''} out of ${((profile.endTime - profile.startTime) / 1e6).toFixed(2)} s wall`,
);
print('self time by package', byPackage);
print('self time by function', selfByFn);
print('total time by function (inclusive)', totalByFn);
