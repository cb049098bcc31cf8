// One recording with everything a compliance reviewer needs to see why it looks the way it does.
// Masking happens here, on the server: a role that may not see customer identifiers never receives them.
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/app-error';
import { idempotencyKey } from '@/lib/queue/contracts';
import { maskPayload } from '@/lib/masking/mask-payload';
import { redactMediaUrls } from '@/lib/recordings/redact-media-urls';
import { customerSecrets } from '@/lib/recordings/present-participants';
import { assertRegionAccess } from '@/lib/recordings/assert-region-access';
import type { TViewer } from '@/lib/recordings/search-recordings';
import { toListItem } from '@/lib/recordings/to-list-item';
import type { TRecordingDetail } from '@/lib/recordings/types';
import { isUuid } from '@/lib/http/uuid-param';

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function loadRecording(id: string) {
  if (!isUuid(id)) throw new AppError('not_found', 'Recording not found');
  const r = await db().recording.findUnique({
    where: { id },
    include: {
      participants: true,
      retentionPolicy: { select: { id: true, name: true } },
      legalHolds: {
        orderBy: { placedAt: 'desc' },
        include: { placedBy: { select: { email: true } }, liftedBy: { select: { email: true } } },
      },
      quarantineCases: { orderBy: { createdAt: 'desc' }, include: { resolvedBy: { select: { email: true } } } },
    },
  });
  if (!r) throw new AppError('not_found', 'Recording not found');
  // Payloads received before the Recording row existed (webhook bodies) belong to it by vendor id.
  const rawPayloads = await db().rawVendorPayload.findMany({
    where: { OR: [{ recordingId: id }, { vendorSource: r.vendorSource, vendorRecordingId: r.vendorRecordingId }] },
    orderBy: { receivedAt: 'asc' },
  });
  return { r, rawPayloads };
}

export async function getRecording(id: string, viewer: TRole | TViewer): Promise<TRecordingDetail> {
  const { role, regions } = typeof viewer === 'string' ? { role: viewer, regions: [] } : viewer;
  const { r, rawPayloads } = await loadRecording(id);
  assertRegionAccess(regions, r.dataResidencyRegion);
  const unmasked = can(role, 'identifiers.unmasked');
  const secrets = customerSecrets(r.participants);
  const protect = (value: unknown) => redactMediaUrls(unmasked ? value : maskPayload(value, secrets));
  // Free text people typed (hold reasons, notes) can hold a customer's number in any format.
  const text = <T extends string | null>(value: T): T => (unmasked || value === null ? value : (maskPayload(value, secrets) as T));
  return {
    ...toListItem(r, role),
    idempotencyKey: idempotencyKey(r.vendorSource, r.vendorRecordingId),
    interactionId: r.interactionId,
    endTime: iso(r.endTime),
    vendorAccountId: r.vendorAccountId,
    storage: {
      bucket: r.storageBucket,
      key: r.storageKey,
      versionId: r.storageVersionId,
      location: r.storageLocation,
      checksumSha256: r.checksumSha256,
      sizeBytes: r.sizeBytes?.toString() ?? null,
    },
    retention: { policyId: r.retentionPolicy?.id ?? null, policyName: r.retentionPolicy?.name ?? null, retainUntil: iso(r.retainUntil) },
    rawVendorPayloadVersion: r.rawVendorPayloadVersion,
    ingestedAt: r.ingestedAt.toISOString(),
    archivedAt: iso(r.archivedAt),
    rawPayloads: rawPayloads.map((p) => ({
      id: p.id,
      kind: p.kind,
      schemaVersion: p.schemaVersion,
      sha256: p.sha256,
      receivedAt: p.receivedAt.toISOString(),
      payload: protect(p.payload),
    })),
    legalHolds: r.legalHolds.map((h) => ({
      id: h.id,
      caseReference: text(h.caseReference),
      reason: text(h.reason),
      active: h.active,
      placedBy: h.placedBy.email,
      placedAt: h.placedAt.toISOString(),
      liftedBy: h.liftedBy?.email ?? null,
      liftedAt: iso(h.liftedAt),
      liftReason: text(h.liftReason),
    })),
    quarantineCases: r.quarantineCases.map((c) => ({
      id: c.id,
      reason: c.reason,
      state: c.state,
      tags: c.tags,
      evidence: protect(c.evidence),
      resolutionNote: text(c.resolutionNote),
      resolvedBy: c.resolvedBy?.email ?? null,
      resolvedAt: iso(c.resolvedAt),
      createdAt: c.createdAt.toISOString(),
    })),
    allowed: {
      play: r.storageVersionId !== null && (can(role, 'recordings.play') || (can(role, 'quarantine.play') && r.quarantineCases.length > 0)),
      manageLegalHold: can(role, 'legal_hold.manage'),
      viewAudit: can(role, 'audit.view'),
      unmasked,
    },
  };
}
