// The vendor's metadata, kept with its schema version (dual storage: normalized record plus the vendor's raw payload): written before
// normalization, so even a payload we cannot normalize is preserved for forensics. Every response it was
// assembled from is kept as the exact bytes received, next to the sha256 of those bytes; the composite row
// (what the normalizer read) is hashed in canonical JSON form, as it was never a single body on the wire.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TRawMetadata, TRawResponse, TVendor } from '@/lib/vendors/types';

type TJsonColumn = Prisma.InputJsonValue | typeof Prisma.JsonNull;

function jsonColumn(value: unknown): TJsonColumn {
  if (value === null || value === undefined) return Prisma.JsonNull;
  // jsonb cannot hold U+0000; such a body is still kept byte for byte in `body`.
  return JSON.stringify(value).includes('\\u0000') ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}

function parsedBody(response: TRawResponse): unknown {
  try {
    return response.body.length > 0 ? (JSON.parse(response.body.toString('utf8')) as unknown) : null;
  } catch {
    return null;
  }
}

export async function storeRawPayload(
  vendorSource: TVendor,
  vendorRecordingId: string,
  raw: TRawMetadata,
): Promise<{ id: string; sha256: string }> {
  const sha256 = createHash('sha256').update(canonicalJson(raw.payload)).digest('hex');
  const common = { vendorSource, vendorRecordingId, schemaVersion: raw.schemaVersion };
  return db().$transaction(async (tx) => {
    const row = await tx.rawVendorPayload.create({
      data: { ...common, kind: 'metadata', payload: jsonColumn(raw.payload), sha256 },
      select: { id: true },
    });
    for (const response of raw.responses ?? []) {
      await tx.rawVendorPayload.create({
        data: {
          ...common,
          kind: 'metadata-response',
          source: response.source,
          rawBody: new Uint8Array(response.body),
          payload: jsonColumn(parsedBody(response)),
          sha256: createHash('sha256').update(response.body).digest('hex'),
        },
      });
    }
    return { id: row.id, sha256 };
  });
}
