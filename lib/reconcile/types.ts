// The shapes of a reconciliation run: what the vendor listed for a day against what the archive holds.
import type { TVendor } from '@/lib/vendors/types';

export type TFindingKind = 'missing' | 'pending' | 'extra' | 'checksum_mismatch' | 'duration_mismatch';

export type TFinding = {
  kind: TFindingKind;
  vendorRecordingId: string;
  interactionId: string | null;
  /** The archive's status for the recording (null: no Recording row). */
  archiveStatus: string | null;
  detail: string;
  /** missing only: whether an archive job was put on the queue through the normal enqueue path. */
  redriven?: boolean;
};

export type TReconcileCounts = {
  listed: number;
  matched: number;
  quarantined: number;
  missing: number;
  redriven: number;
  pending: number;
  extra: number;
  mismatched: number;
};

/** The document that is signed and stored Object-Locked (format callvault-reconciliation/1). */
export type TReconciliationDocument = {
  format: 'callvault-reconciliation/1';
  id: string;
  vendorAccountId: string;
  vendorSource: TVendor;
  residencyRegion: string;
  day: string;
  startedAt: string;
  completedAt: string;
  counts: TReconcileCounts;
  findings: TFinding[];
};
