// What the console API sends for recordings (already masked for the caller's role).
export type TParticipantView = {
  role: 'AGENT' | 'CUSTOMER' | 'OTHER';
  identifier: string | null;
  displayName: string | null;
  masked: boolean;
};

export type TRecordingListItem = {
  id: string;
  archiveId: string;
  vendorSource: 'GENESYS_CLOUD' | 'NICE_CXONE';
  vendorRecordingId: string;
  startTime: string | null;
  durationSeconds: number | null;
  measuredDurationSeconds: number | null;
  direction: 'INBOUND' | 'OUTBOUND' | 'INTERNAL' | null;
  participants: TParticipantView[];
  complianceTags: string[];
  dataResidencyRegion: string | null;
  status: 'PENDING' | 'ARCHIVED' | 'QUARANTINED' | 'FAILED' | 'RETRYING';
  legalHold: boolean;
  mediaFormat: string | null;
};

/** How many recordings match: exact, or (exact: false) more than `count`. */
export type TSearchTotal = { count: number; exact: boolean };

/** A page of results; `total` on the first page only (null on later ones). */
export type TSearchResult = { items: TRecordingListItem[]; nextCursor: string | null; total: TSearchTotal | null };

export type TLegalHoldView = {
  id: string;
  caseReference: string;
  reason: string;
  active: boolean;
  placedBy: string;
  placedAt: string;
  liftedBy: string | null;
  liftedAt: string | null;
  liftReason: string | null;
};

export type TQuarantineCaseSummary = {
  id: string;
  reason: string;
  state: string;
  tags: string[];
  evidence: unknown;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
};

export type TRawPayloadView = { id: string; kind: string; schemaVersion: string; sha256: string; receivedAt: string; payload: unknown };

export type TRecordingDetail = TRecordingListItem & {
  idempotencyKey: string;
  interactionId: string | null;
  endTime: string | null;
  vendorAccountId: string | null;
  storage: {
    bucket: string | null;
    key: string | null;
    versionId: string | null;
    location: string | null;
    checksumSha256: string | null;
    sizeBytes: string | null;
  };
  retention: { policyId: string | null; policyName: string | null; retainUntil: string | null };
  rawVendorPayloadVersion: string | null;
  ingestedAt: string;
  archivedAt: string | null;
  rawPayloads: TRawPayloadView[];
  legalHolds: TLegalHoldView[];
  quarantineCases: TQuarantineCaseSummary[];
  /** What the caller may do here (from the permission matrix), so the page shows only working buttons. */
  allowed: { play: boolean; manageLegalHold: boolean; viewAudit: boolean; unmasked: boolean };
};
