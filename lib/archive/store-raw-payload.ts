// The vendor's metadata response, kept verbatim with its schema version (the seed's dual-storage rule):
// written before normalization, so even a payload we cannot normalize is preserved for forensics.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TVendor, TRawMetadata } from '@/lib/vendors/types';

export async function storeRawPayload(vendorSource: TVendor, vendorRecordingId: string, raw: TRawMetadata): Promise<{ id: string; sha256: string }> {
  const sha256 = createHash('sha256').update(canonicalJson(raw.payload)).digest('hex');
  const row = await db().rawVendorPayload.create({
    data: { vendorSource, vendorRecordingId, kind: 'metadata', schemaVersion: raw.schemaVersion, payload: raw.payload === null || raw.payload === undefined ? Prisma.JsonNull : (raw.payload as Prisma.InputJsonValue), sha256 },
    select: { id: true },
  });
  return { id: row.id, sha256 };
}
