// Job contracts shared by producers (webhooks, polling, console) and processors (workers/processors).
// Processors parse job.data with these schemas first.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { VENDOR_SLUG, type TVendor } from '@/lib/vendors/types';

export const ZVendor = z.enum(['GENESYS_CLOUD', 'NICE_CXONE']);

export const QUEUES = {
  archive: (vendor: TVendor) => `archive-${VENDOR_SLUG[vendor]}`,
  poll: 'vendor-poll',
  maintenance: 'maintenance',
  /** Conversation-end events name an interaction; its recordings are listed here, then archived per vendor. */
  resolve: 'interaction-resolve',
  /** Audit exports, built by workers into the audit bucket so any console instance can serve them. */
  auditExport: 'audit-export',
  /** Evidence packages (recordings, metadata, audit proofs, signed manifest), built into the audit bucket. */
  evidencePackage: 'evidence-package',
} as const;

export const JOBS = {
  archive: 'recording.archive',
  resolveInteraction: 'interaction.resolve',
  poll: 'vendor.poll',
  sweep: 'archive.sweep',
  sealAudit: 'audit.seal',
  checkpointAudit: 'audit.checkpoint',
  sampleQueues: 'queues.sample',
  reconcile: 'reconciliation.run',
  redriveDeadLetters: 'dead_letter.redrive',
  sweepUploads: 'storage.uploads_sweep',
  auditExport: 'audit.export',
  sweepAuditExports: 'audit.export-sweep',
  evidencePackage: 'evidence.package',
} as const;

/** replayedBy of dead letters the automatic re-drive replayed. */
export const AUTO_REDRIVE_ACTOR = 'system:auto-redrive';

export const ZArchiveJob = z.object({
  vendorSource: ZVendor,
  vendorAccountId: z.string().min(1),
  vendorRecordingId: z.string().min(1),
  interactionId: z.string().min(1).nullable(),
  /** Partition tag with the vendor: YYYY-MM-DD of the interaction, null if unknown at enqueue time. */
  interactionDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  source: z.enum(['WEBHOOK', 'POLL', 'SWEEP', 'REFETCH', 'REPLAY']),
  /** REFETCH: a reviewer asked to fetch again a quarantined recording (same object key, new version). */
  quarantineCaseId: z.string().uuid().optional(),
});
export type TArchiveJob = z.infer<typeof ZArchiveJob>;

/** <vendor-slug>:<vendorRecordingId> — the idempotency key of a recording. */
export function idempotencyKey(vendor: TVendor, vendorRecordingId: string): string {
  return `${VENDOR_SLUG[vendor]}:${vendorRecordingId}`;
}

/** BullMQ refuses ':' in custom job ids, so the job id is the idempotency key with ':' → '__'. */
export function archiveJobId(vendor: TVendor, vendorRecordingId: string): string {
  return idempotencyKey(vendor, vendorRecordingId).replaceAll(':', '__');
}

/** A vendor event naming an interaction (Genesys conversation end): list its recordings, enqueue each. */
export const ZResolveInteractionJob = z.object({
  vendorSource: ZVendor,
  vendorAccountId: z.string().min(1),
  interactionId: z.string().min(1),
  interactionDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  eventType: z.string().min(1),
  vendorEventId: z.string().nullable(),
  /** The IngestEvent key of the delivery that asked for this resolve (absent in jobs queued before it existed). */
  eventKey: z.string().min(1).optional(),
});
export type TResolveInteractionJob = z.infer<typeof ZResolveInteractionJob>;

/** <vendor-slug>:interaction:<interactionId> — dedupe key of interaction events (distinct from recording keys). */
export function interactionKey(vendor: TVendor, interactionId: string): string {
  return `${VENDOR_SLUG[vendor]}:interaction:${interactionId}`;
}

/** One interaction EVENT (not the interaction): each conversation-end/acw/wrapup event is resolved on its own,
 *  so an early acw does not turn the later customer.end into a duplicate. `eventRef` = the vendor's event id,
 *  or the sha256 of the body when the vendor sends none (a redelivery repeats the same bytes). */
export function interactionEventKey(vendor: TVendor, interactionId: string, eventType: string, eventRef: string): string {
  const ref = createHash('sha256').update(`${eventType}\n${eventRef}`).digest('hex').slice(0, 16);
  return `${interactionKey(vendor, interactionId)}:${ref}`;
}

/** BullMQ job id of one interaction event's resolve job. */
export function resolveEventJobId(eventKey: string): string {
  return eventKey.replaceAll(':', '__');
}

export const ZPollJob = z.object({ vendorAccountId: z.string().min(1) });
export type TPollJob = z.infer<typeof ZPollJob>;

/** deadlineMinutes overrides ARCHIVE_DEADLINE_MINUTES (operators' "sweep now", tests). */
export const ZSweepJob = z.object({ deadlineMinutes: z.number().int().min(0).optional() });
export type TSweepJob = z.infer<typeof ZSweepJob>;

/** One vendor account's UTC day against the archive; day defaults to yesterday (UTC) when the scheduler runs it. */
export const ZReconcileJob = z.object({
  vendorAccountId: z.string().min(1),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type TReconcileJob = z.infer<typeof ZReconcileJob>;

/** Builds one AuditExport row's bundle; the job id is the export id, so an export is queued at most once. */
export const ZAuditExportJob = z.object({ exportId: z.string().uuid() });
export type TAuditExportJob = z.infer<typeof ZAuditExportJob>;

/** Builds one EvidencePackage row's tar; the job id is the package id. */
export const ZEvidencePackageJob = z.object({ packageId: z.string().uuid() });
export type TEvidencePackageJob = z.infer<typeof ZEvidencePackageJob>;
