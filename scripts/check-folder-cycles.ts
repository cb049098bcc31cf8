// `npm run check:cycles`, second half: no dependency cycle between the top-level folders of lib/.
// Each lib/<folder>/** is one node and each top-level file (lib/db.ts, lib/env.ts, …) its own node, so
// which folder is the lower layer is always decidable. Reads dependency-cruiser's JSON on stdin and, for
// every group of folders that depend on each other, prints a shortest cycle through each of them with a
// file-level import for each step (the last one closes the cycle). Exit 1 when there is any.
// (dependency-cruiser's own `scope: 'folder'` rules see every nested directory as its own node and all of
// lib/*.ts as one, and `collapse` only shapes reports, so neither can state this rule.)
import { pathToFileURL } from 'node:url';

/** The part of dependency-cruiser's JSON output this reads. */
export type TCruisedModule = { source: string; dependencies?: { resolved: string }[] };
export type TFolderStep = { from: string; to: string; via: string };
export type TFolderGroup = { folders: string[]; cycles: TFolderStep[][] };
type TGraph = Map<string, Map<string, string>>;

/** The folder-level node a module belongs to, or null when it is outside lib/ (or generated code). */
export function folderOf(path: string): string | null {
  const m = /^lib\/([^/]+)(\/)?/.exec(path);
  if (!m || m[1] === 'generated') return null;
  return `lib/${m[1]}`;
}

/** Folder edges, each with the first file-level import that makes it. */
function folderGraph(modules: TCruisedModule[]): TGraph {
  const edges: TGraph = new Map();
  for (const mod of modules) {
    const from = folderOf(mod.source);
    if (!from) continue;
    const out = edges.get(from) ?? new Map<string, string>();
    edges.set(from, out);
    for (const dep of mod.dependencies ?? []) {
      const to = folderOf(dep.resolved);
      if (!to || to === from) continue;
      if (!edges.has(to)) edges.set(to, new Map());
      if (!out.has(to)) out.set(to, `${mod.source} → ${dep.resolved}`);
    }
  }
  return edges;
}

/** Strongly connected components with more than one node (Tarjan). */
function tangledGroups(edges: TGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of [...(edges.get(v)?.keys() ?? [])].sort()) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return groups;
}

/** A shortest cycle through `start` inside the group (breadth-first back to `start`). */
function shortestCycle(edges: TGraph, group: string[], start: string): string[] {
  const inGroup = new Set(group);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of [...(edges.get(v)?.keys() ?? [])].sort()) {
      if (!inGroup.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** The canonical form of a cycle (rotated to start at its smallest folder), to report each one once. */
function cycleKey(path: string[]): string {
  const ring = path.slice(0, -1);
  const at = ring.indexOf([...ring].sort()[0]!);
  return [...ring.slice(at), ...ring.slice(0, at)].join(' ');
}

/** Every group of folders that depend on each other, with a shortest cycle through each of its folders
 *  (each cycle once), as steps with the import behind each. */
export function folderCycles(modules: TCruisedModule[]): TFolderGroup[] {
  const edges = folderGraph(modules);
  return tangledGroups(edges).map((folders) => {
    const seen = new Set<string>();
    const cycles: TFolderStep[][] = [];
    for (const start of folders) {
      const path = shortestCycle(edges, folders, start);
      if (seen.has(cycleKey(path))) continue;
      seen.add(cycleKey(path));
      cycles.push(path.slice(1).map((to, i) => ({ from: path[i]!, to, via: edges.get(path[i]!)!.get(to)! })));
    }
    return { folders, cycles };
  });
}

export function describeFolderCycles(groups: TFolderGroup[]): string {
  const lines: string[] = [];
  for (const { folders, cycles } of groups) {
    lines.push(`  error no-folder-cycles: ${folders.join(', ')} depend on each other`);
    for (const steps of cycles) {
      lines.push(`    ${[...steps.map((s) => s.from), steps[0]!.from].join(' → ')}`);
      steps.forEach((s, i) => lines.push(`      ${s.via}${i === steps.length - 1 ? '   (closes the cycle)' : ''}`));
    }
  }
  const count = groups.reduce((n, g) => n + g.cycles.length, 0);
  lines.push('', `✘ ${count} folder cycle(s) in lib/: move the shared piece to the lower folder (CONTRIBUTING.md, "Layers of lib/").`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const cycles = folderCycles((JSON.parse(input) as { modules: TCruisedModule[] }).modules);
  if (cycles.length === 0) {
    console.log('✔ no dependency cycles between the folders of lib/');
    return;
  }
  console.error(describeFolderCycles(cycles));
  process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
