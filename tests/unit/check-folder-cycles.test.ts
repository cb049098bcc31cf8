import { describe, expect, it } from 'vitest';
import { describeFolderCycles, folderCycles } from '@/scripts/check-folder-cycles';

type TModule = { source: string; dependencies: { resolved: string }[] };
const mod = (source: string, ...deps: string[]): TModule => ({ source, dependencies: deps.map((resolved) => ({ resolved })) });

describe('folder cycles in lib/', () => {
  it('reports two folders that import each other through different files, naming the imports', () => {
    const cycles = folderCycles([
      mod('lib/archive/archive-recording.ts', 'lib/legal-hold/hold-new-version.ts'),
      mod('lib/legal-hold/hold-new-version.ts', 'lib/archive/audit-archive-event.ts'),
      mod('lib/archive/audit-archive-event.ts'),
    ]);
    expect(cycles).toEqual([
      {
        folders: ['lib/archive', 'lib/legal-hold'],
        cycles: [
          [
            { from: 'lib/archive', to: 'lib/legal-hold', via: 'lib/archive/archive-recording.ts → lib/legal-hold/hold-new-version.ts' },
            { from: 'lib/legal-hold', to: 'lib/archive', via: 'lib/legal-hold/hold-new-version.ts → lib/archive/audit-archive-event.ts' },
          ],
        ],
      },
    ]);
    expect(describeFolderCycles(cycles)).toContain(
      'lib/legal-hold/hold-new-version.ts → lib/archive/audit-archive-event.ts   (closes the cycle)',
    );
  });

  it('treats nested folders as their top-level folder and top-level files as their own nodes', () => {
    const cycles = folderCycles([
      mod('lib/vendors/genesys/client.ts', 'lib/ingest/partition-date.ts', 'lib/env.ts'),
      mod('lib/ingest/receive-webhook.ts', 'lib/vendors/types.ts', 'lib/logger.ts'),
      mod('lib/logger.ts', 'lib/env.ts'),
      mod('lib/env.ts'),
    ]);
    expect(cycles.map((c) => c.folders)).toEqual([['lib/ingest', 'lib/vendors']]);
  });

  it('passes a layered graph, ignoring imports within one folder and outside lib/', () => {
    expect(
      folderCycles([
        mod('lib/archive/a.ts', 'lib/archive/b.ts', 'lib/queue/contracts.ts', 'node_modules/zod/index.js'),
        mod('lib/archive/b.ts', 'lib/archive/a.ts'),
        mod('lib/queue/contracts.ts', 'lib/generated/prisma/client.ts', 'simulators/types.ts'),
        mod('lib/generated/prisma/client.ts', 'lib/queue/contracts.ts'),
      ]),
    ).toEqual([]);
  });

  it('reports a cycle through three folders once, and each folder group on its own', () => {
    const cycles = folderCycles([
      mod('lib/a/x.ts', 'lib/b/x.ts'),
      mod('lib/b/x.ts', 'lib/c/x.ts'),
      mod('lib/c/x.ts', 'lib/a/x.ts'),
      mod('lib/d/x.ts', 'lib/e/x.ts'),
      mod('lib/e/x.ts', 'lib/d/x.ts'),
    ]);
    expect(cycles.map((c) => [c.folders, c.cycles.length])).toEqual([
      [['lib/a', 'lib/b', 'lib/c'], 1],
      [['lib/d', 'lib/e'], 1],
    ]);
    expect(describeFolderCycles(cycles)).toContain('✘ 2 folder cycle(s)');
  });
});
