// Evidence packages for the console: a matter's, or the ones a user requested, newest first, with status.
import { db } from '@/lib/db';

export async function listEvidencePackages(where: { matterId?: string; requestedById?: string }) {
  const rows = await db().evidencePackage.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    take: 50,
    include: { requestedBy: { select: { email: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    matterId: p.matterId,
    recordingCount: p.recordingIds.length,
    identifiers: p.masked ? ('masked' as const) : ('clear' as const),
    status: p.status,
    error: p.error,
    attempts: p.attempts,
    requestedBy: p.requestedBy.email,
    createdAt: p.createdAt.toISOString(),
    completedAt: p.completedAt?.toISOString() ?? null,
    sizeBytes: p.sizeBytes?.toString() ?? null,
    sha256: p.sha256,
    manifestSha256: p.manifestSha256,
  }));
}
