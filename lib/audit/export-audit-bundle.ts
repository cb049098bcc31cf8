// Produces the audit bundle for one export and hands it, as a stream, to `write` (which stores it). First a
// checkpoint of the chain is published (or the newest one reused when nothing was chained since), then the
// bundle's range is proven against it and against the checkpoint before it; entries stream from the
// database page by page (constant memory). The result is known once `write` has consumed the whole stream;
// a failure on either side rejects.
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { proveAuditRange } from '@/lib/audit/prove-audit-range';
import type { TResolvedScope } from '@/lib/audit/resolve-audit-scope';
import type { TAuditScope } from '@/lib/audit/scope';
import { signingProvider, type TSigningProvider } from '@/lib/audit/signing-provider';
import { streamAuditEntries } from '@/lib/audit/stream-audit-entries';
import type { TAuditRecord } from '@/lib/audit/hash-audit-entry';
import { createAuditBundle, type TBundleAnchor, type TBundleResult } from '@/lib/audit/write-audit-bundle';
import { signedCheckpointOf, writeAuditCheckpoint } from '@/lib/audit/write-audit-checkpoint';
import { db, type DbTx } from '@/lib/db';

export type TExportAuditBundleInput = {
  exportId: string;
  scope: TAuditScope;
  resolved: TResolvedScope;
  createdBy: Record<string, string>;
  /** Consumes the bundle's bytes (e.g. an upload); resolves once they are stored. */
  write: (body: Readable) => Promise<void>;
  onProgress?: (entriesSoFar: number) => Promise<void> | void;
  signer?: TSigningProvider;
  client?: DbTx;
  s3?: S3Client;
  pageSize?: number;
};

async function* noBatches(): AsyncGenerator<TAuditRecord[]> {}

/** Publishes (or reuses) the checkpoint the export is proven against, and proves the range in it. */
async function anchorExport(input: TExportAuditBundleInput, signer: TSigningProvider): Promise<TBundleAnchor | null> {
  const client = input.client ?? db();
  const written = await writeAuditCheckpoint({ reason: 'export', client, s3: input.s3, signer });
  if (!written) return null;
  const previous = await client.auditCheckpoint.findFirst({
    where: { treeSize: { lt: written.row.treeSize } },
    orderBy: [{ treeSize: 'desc' }, { createdAt: 'desc' }],
  });
  const proof = await proveAuditRange({ range: input.resolved.range, checkpoint: written.row, previous }, client);
  return { checkpoint: written.signed, previous: previous ? signedCheckpointOf(previous) : null, proof };
}

export async function exportAuditBundle(input: TExportAuditBundleInput): Promise<TBundleResult> {
  const { resolved } = input;
  const signer = input.signer ?? signingProvider();
  const anchor = await anchorExport(input, signer);
  const bundle = createAuditBundle({
    description: {
      kind: 'export',
      id: input.exportId,
      createdAt: new Date().toISOString(),
      createdBy: input.createdBy,
      scope: input.scope,
      filtered: resolved.filter !== null,
      filter: resolved.filter,
      sequenceRange: resolved.range,
      previousSegment: null,
    },
    // Every entry of the range: those outside the filter become leaf lines (completeness).
    batches: resolved.range ? streamAuditEntries({ range: resolved.range, client: input.client, pageSize: input.pageSize }) : noBatches(),
    signer,
    chainHead: resolved.chainHead,
    anchor,
    onBatch: input.onProgress,
  });
  await input.write(Readable.from(bundle.lines, { highWaterMark: 2 }));
  return bundle.result();
}
