// Writes the audit bundle for one export to disk: entries stream from the database page by page
// into the file (constant memory), the file appears under its final name only once complete.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createAuditBundle, type TBundleResult } from '@/lib/audit/write-audit-bundle';
import { auditKeyProvider, type TAuditKeyProvider } from '@/lib/audit/key-provider';
import type { TResolvedScope } from '@/lib/audit/resolve-audit-scope';
import type { TAuditScope } from '@/lib/audit/scope';
import { streamAuditEntries } from '@/lib/audit/stream-audit-entries';
import type { TAuditRecord } from '@/lib/audit/hash-audit-entry';
import type { DbTx } from '@/lib/db';

export type TExportAuditBundleInput = {
  exportId: string;
  scope: TAuditScope;
  resolved: TResolvedScope;
  createdBy: Record<string, string>;
  filePath: string;
  onProgress?: (entriesSoFar: number) => Promise<void> | void;
  provider?: TAuditKeyProvider;
  client?: DbTx;
  pageSize?: number;
};

async function* noBatches(): AsyncGenerator<TAuditRecord[]> {}

export async function exportAuditBundle(input: TExportAuditBundleInput): Promise<TBundleResult> {
  const { resolved } = input;
  const bundle = createAuditBundle({
    description: {
      kind: 'export',
      id: input.exportId,
      createdAt: new Date().toISOString(),
      createdBy: input.createdBy,
      scope: input.scope,
      filtered: resolved.filter !== null,
      sequenceRange: resolved.range,
      previousSegment: null,
    },
    batches: resolved.range
      ? streamAuditEntries({ range: resolved.range, filter: resolved.filter, client: input.client, pageSize: input.pageSize })
      : noBatches(),
    provider: input.provider ?? auditKeyProvider(),
    chainHead: resolved.chainHead,
    onBatch: input.onProgress,
  });
  await mkdir(path.dirname(input.filePath), { recursive: true });
  const partial = `${input.filePath}.partial`;
  try {
    await pipeline(Readable.from(bundle.lines, { highWaterMark: 2 }), createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, input.filePath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return bundle.result();
}
