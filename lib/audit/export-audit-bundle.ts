// Produces the audit bundle for one export and hands it, as a stream, to `write` (which stores it): entries
// stream from the database page by page (constant memory). The result is known once `write` has consumed
// the whole stream; a failure on either side rejects.
import { Readable } from 'node:stream';
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
  /** Consumes the bundle's bytes (e.g. an upload); resolves once they are stored. */
  write: (body: Readable) => Promise<void>;
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
  await input.write(Readable.from(bundle.lines, { highWaterMark: 2 }));
  return bundle.result();
}
