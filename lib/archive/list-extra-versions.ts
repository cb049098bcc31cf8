// Object-Locked versions that are not a recording's media, newest first, for the operations page: they
// cannot be deleted before their retention ends, so operators see each one with the reason it exists.
import { db } from '@/lib/db';

export type TExtraVersionView = {
  id: string;
  vendorSource: 'GENESYS_CLOUD' | 'NICE_CXONE';
  vendorRecordingId: string;
  bucket: string;
  key: string;
  versionId: string;
  sha256: string | null;
  sizeBytes: number | null;
  reason: string;
  createdAt: string;
};

export async function listExtraVersions(take = 100): Promise<{ items: TExtraVersionView[]; total: number }> {
  const [rows, total] = await Promise.all([
    db().extraObjectVersion.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: Math.min(Math.max(take, 1), 500) }),
    db().extraObjectVersion.count(),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      vendorSource: r.vendorSource,
      vendorRecordingId: r.vendorRecordingId,
      bucket: r.bucket,
      key: r.key,
      versionId: r.versionId,
      sha256: r.sha256,
      sizeBytes: r.sizeBytes === null ? null : Number(r.sizeBytes),
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
