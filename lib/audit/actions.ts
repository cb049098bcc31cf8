// The audit action registry: every action the audit trail may record, with the subject types it may be
// written about, the zod schema of its details, a sample (checked by tests/unit/audit-actions.test.ts) and
// a one-line human description used by the console (audit search, recording history).
//
// Adding an action: add an entry below with `action({...})`. appendAuditEntry() only type-checks for names
// listed here (an unknown name fails to compile with "unregistered audit action: add it to AUDIT_ACTIONS in
// lib/audit/actions.ts"), only with one of the action's subject types, and only with details its schema
// accepts. Outside production the details are also validated at run time before anything is signed.
// Schemas are loose objects: a writer may add context fields; the named ones must be present and typed.
// Never rename or remove an action that was ever written: the trail is append-only, old entries keep it.
// Every field that may carry a customer identifier typed by a person or sent by a vendor is listed in the
// action's `freeText`: the writer masks it before the entry is hashed, because a signed, Object-Locked
// trail can never be redacted afterwards and every export of it reaches roles that see identifiers masked.
import { z } from 'zod';

export const AUDIT_SUBJECT_TYPES = [
  'user',
  'recording',
  'system',
  'search',
  'route',
  'export',
  'quarantine_case',
  'matter',
  'dead_letter',
  'reconciliation',
  'evidence_package',
] as const;
export type TAuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];
export const AUDIT_ACTOR_TYPES = ['user', 'system', 'vendor', 'worker'] as const;
export type TAuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

type TSubjects = readonly [TAuditSubjectType, ...TAuditSubjectType[]];
type TDetailsSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

export type TAuditActionSpec<S extends TSubjects = TSubjects, D extends TDetailsSchema = TDetailsSchema> = {
  subjectTypes: S;
  details: D;
  /** One line, for people: what happened, from the parsed details (and the entry's subject id). */
  describe: (details: z.output<D>, subjectId: string) => string;
  /** A realistic example of the details, validated by the registry's unit test. */
  sample: z.input<D>;
  /**
   * Details that people type or vendors send, which may carry a customer identifier: the writer stores
   * them masked, plus `<field>Commitment` (salted SHA-256 of the original, whose opening is kept outside
   * the trail) when masking changed anything (lib/audit/minimise-audit-details.ts). A path names a field
   * ('reason'), a nested one ('filter.q'), or every field of an object ('filters.*'). Ids, hashes and
   * codes are never listed: they stay intact.
   */
  freeText?: readonly string[];
  /** Free-text paths whose whole value is a customer identifier: always masked, found by the detector or not. */
  identifiers?: readonly string[];
};

function action<const S extends TSubjects, D extends TDetailsSchema>(spec: TAuditActionSpec<S, D>): TAuditActionSpec<S, D> {
  return spec;
}

const str = z.string();
const nstr = z.string().nullable();
const ostr = z.string().nullish();
const int = z.number().int();
const client = { ip: ostr, userAgent: ostr };
const by = { email: str, by: str };
const from = (ip?: string | null) => (ip ? ` from ${ip}` : '');
const bytes = (n: number | null | undefined) =>
  n == null ? 'unknown size' : n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`;
const short = (s: string | null | undefined, n = 12) => (s ? (s.length > n ? `${s.slice(0, n)}…` : s) : 'none');
/** Suffix of the field holding the commitment to a masked free-text field's original (reason → reasonCommitment). */
export const FREE_TEXT_COMMITMENT_SUFFIX = 'Commitment';

/** The filters a search entry names, without the commitments stored beside masked ones. */
const filterNames = (filters: Record<string, unknown>) =>
  Object.keys(filters)
    .filter((k) => !k.endsWith(FREE_TEXT_COMMITMENT_SUFFIX))
    .join(', ') || 'no filters';
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const range = (d: { from?: string | null; to?: string | null }) => (d.from || d.to ? ` (${d.from ?? '…'} – ${d.to ?? '…'})` : '');

const ZStorage = z.looseObject({ bucket: str, key: str }).nullish();
const ZExportScope = z.record(z.string(), z.unknown());

const authActions = {
  'auth.sign_in': action({
    subjectTypes: ['user'],
    details: z.looseObject({ method: z.enum(['credentials', 'oidc']), rehashed: z.boolean().optional(), ...client }),
    describe: (d) => `Signed in (${d.method})${from(d.ip)}${d.rehashed ? '; password re-hashed' : ''}`,
    sample: { method: 'credentials', rehashed: false, ip: '10.0.0.7', userAgent: 'Mozilla/5.0' },
  }),
  'auth.sign_in_failed': action({
    subjectTypes: ['user'],
    details: z.looseObject({ reason: str, method: z.enum(['credentials', 'oidc']), emailFingerprint: str.optional(), ...client }),
    describe: (d) => `Sign-in refused (${d.method}): ${d.reason.replaceAll('_', ' ')}${from(d.ip)}`,
    sample: { reason: 'bad_password', method: 'credentials', ip: '10.0.0.7', userAgent: null },
  }),
  'auth.locked_out': action({
    subjectTypes: ['user'],
    details: z.looseObject({ scope: str, emailFingerprint: str.optional(), ...client }),
    describe: (d) => `Sign-in locked (${d.scope.replaceAll('_', ' ')})${from(d.ip)}`,
    sample: { scope: 'account_from_address', ip: '10.0.0.7', userAgent: null },
  }),
  'auth.sign_out': action({
    subjectTypes: ['user'],
    details: z.looseObject({ sessionId: ostr, ...client }),
    describe: (d) => `Signed out${from(d.ip)}`,
    sample: { sessionId: 'b0c5c1c6-2f0e-4d7c-9a57-3f1b7e1d2a11', ip: '10.0.0.7', userAgent: null },
  }),
  'auth.oidc_linked': action({
    subjectTypes: ['user'],
    details: z.looseObject({ email: str, subject: str, issuer: nstr, emailVerified: z.boolean(), ...client }),
    describe: (d) => `Single sign-on identity linked to ${d.email}${d.issuer ? ` (issuer ${d.issuer})` : ''}`,
    sample: { email: 'officer@example.com', subject: 'oidc-123', issuer: 'https://idp.example.com', emailVerified: true },
  }),
};

const userActions = {
  'user.created': action({
    subjectTypes: ['user'],
    details: z.looseObject({ email: str, role: str, regions: z.array(str).optional(), by: str.optional(), via: str.optional() }),
    describe: (d) => `User ${d.email} created with role ${d.role}${d.via ? ` via ${d.via}` : d.by ? ` by ${d.by}` : ''}`,
    sample: { email: 'new@example.com', role: 'AUDITOR', regions: ['eu-west'], by: 'admin@example.com' },
  }),
  'user.role_changed': action({
    subjectTypes: ['user'],
    details: z.looseObject({ from: str, to: str, sessionsEnded: int, ...by }),
    describe: (d) => `Role of ${d.email} changed from ${d.from} to ${d.to} by ${d.by}; ${plural(d.sessionsEnded, 'session')} ended`,
    sample: { from: 'OFFICER', to: 'AUDITOR', sessionsEnded: 1, email: 'u@example.com', by: 'admin@example.com' },
  }),
  'user.disabled': action({
    subjectTypes: ['user'],
    details: z.looseObject({ sessionsEnded: int, ...by }),
    describe: (d) => `User ${d.email} disabled by ${d.by}; ${plural(d.sessionsEnded, 'session')} ended`,
    sample: { sessionsEnded: 2, email: 'u@example.com', by: 'admin@example.com' },
  }),
  'user.enabled': action({
    subjectTypes: ['user'],
    details: z.looseObject({ sessionsEnded: int.optional(), ...by }),
    describe: (d) => `User ${d.email} enabled by ${d.by}`,
    sample: { sessionsEnded: 0, email: 'u@example.com', by: 'admin@example.com' },
  }),
  'user.regions_changed': action({
    subjectTypes: ['user'],
    details: z.looseObject({ from: z.array(str), to: z.array(str), ...by }),
    describe: (d) => `Regions of ${d.email} changed from ${d.from.join(', ') || 'all'} to ${d.to.join(', ') || 'all'} by ${d.by}`,
    sample: { from: [], to: ['eu-west'], email: 'u@example.com', by: 'admin@example.com' },
  }),
  'user.unlocked': action({
    subjectTypes: ['user'],
    details: z.looseObject({ lockedAddressesCleared: int, ...by }),
    describe: (d) => `Sign-in of ${d.email} unlocked by ${d.by} (${plural(d.lockedAddressesCleared, 'locked address')} cleared)`,
    sample: { lockedAddressesCleared: 1, email: 'u@example.com', by: 'admin@example.com' },
  }),
  'user.signed_out_everywhere': action({
    subjectTypes: ['user'],
    details: z.looseObject({ sessionsEnded: int, ...by }),
    describe: (d) => `${d.email} signed out everywhere by ${d.by}; ${plural(d.sessionsEnded, 'session')} ended`,
    sample: { sessionsEnded: 3, email: 'u@example.com', by: 'admin@example.com' },
  }),
  'user.password_reset': action({
    subjectTypes: ['user'],
    details: z.looseObject({ sessionsEnded: int, ...by }),
    describe: (d) => `Password of ${d.email} reset by ${d.by}; ${plural(d.sessionsEnded, 'session')} ended`,
    sample: { sessionsEnded: 1, email: 'u@example.com', by: 'admin@example.com' },
  }),
  'user.preferences_changed': action({
    subjectTypes: ['user'],
    details: z.looseObject({ user: str, from: str, to: str }),
    describe: (d) => `${d.user} changed their time zone from ${d.from} to ${d.to}`,
    sample: { user: 'officer@example.com', from: 'UTC', to: 'Europe/Berlin' },
  }),
};

// Access entries are what the per-user access report reads: every name starts with "access.".
const accessor = { user: ostr, ...client };
const accessActions = {
  'access.search': action({
    subjectTypes: ['search'],
    freeText: ['filters.*'],
    identifiers: ['filters.customer'],
    details: z.looseObject({
      filters: z.record(z.string(), z.unknown()),
      page: str.optional(),
      resultCount: int,
      more: z.boolean().optional(),
      ...accessor,
    }),
    describe: (d) =>
      `Searched the archive (${filterNames(d.filters)}); ${plural(d.resultCount, 'result')}${d.more ? ', more available' : ''}`,
    sample: {
      filters: { vendorSource: 'GENESYS_CLOUD' },
      page: 'first',
      resultCount: 12,
      more: false,
      total: { count: 12, exact: true },
      user: 'officer@example.com',
      ip: '10.0.0.7',
      userAgent: null,
    },
  }),
  'access.search_exported': action({
    subjectTypes: ['search'],
    freeText: ['filters.*'],
    identifiers: ['filters.customer'],
    details: z.looseObject({
      filters: z.record(z.string(), z.unknown()),
      format: z.enum(['csv', 'json']),
      rows: int,
      truncated: z.boolean(),
      limit: int,
      ...accessor,
    }),
    describe: (d) =>
      `Exported the archive search as ${d.format.toUpperCase()} (${filterNames(d.filters)}); ${plural(d.rows, 'row')}${d.truncated ? `, cut at the ${d.limit}-row limit` : ''}`,
    sample: {
      filters: { region: 'eu' },
      format: 'csv',
      rows: 120,
      truncated: false,
      limit: 10000,
      user: 'auditor@example.com',
      ip: '10.0.0.7',
      userAgent: null,
    },
  }),
  'access.audit_searched': action({
    subjectTypes: ['search'],
    freeText: ['filters.*'],
    details: z.looseObject({ filters: z.record(z.string(), z.unknown()), page: int, resultCount: int, total: int, ...accessor }),
    describe: (d) => `Searched the audit log (${filterNames(d.filters)}); page ${d.page}, ${plural(d.total, 'entry')} matched`,
    sample: {
      filters: { action: 'playback.issued' },
      page: 1,
      resultCount: 25,
      total: 40,
      user: 'auditor@example.com',
      ip: '10.0.0.7',
      userAgent: null,
    },
  }),
  'access.recording_viewed': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ recordingId: str, unmasked: z.boolean(), ...accessor }),
    describe: (d) => `Viewed the recording${d.unmasked ? ' with customer identifiers in clear' : ' (identifiers masked)'}`,
    sample: { recordingId: '0c1d9c54-5d1b-4c36-8f3e-5b8e3a3f1d01', unmasked: false, user: 'auditor@example.com' },
  }),
  'access.denied': action({
    subjectTypes: ['route'],
    details: z.looseObject({ method: str, role: str, reason: str, ...accessor }),
    describe: (d, subjectId) => `Refused ${d.method} ${subjectId} to role ${d.role}: ${d.reason}`,
    sample: { method: 'POST', role: 'AUDITOR', reason: 'Your role may not do this', user: 'auditor@example.com' },
  }),
  'access.report_viewed': action({
    subjectTypes: ['user'],
    details: z.looseObject({ from: nstr.optional(), to: nstr.optional(), entries: int, ...accessor }),
    describe: (d) => `Viewed a user's access report${range(d)}: ${plural(d.entries, 'entry')}`,
    sample: { from: '2026-11-01', to: null, entries: 14, user: 'auditor@example.com' },
  }),
};

const auditTrailActions = {
  'audit.exported': action({
    subjectTypes: ['export'],
    details: z.looseObject({
      scope: ZExportScope,
      entryCount: int,
      manifestHash: str,
      fileSha256: str,
      bytes: int,
      versionId: nstr.optional(),
      retainUntil: ostr,
    }),
    describe: (d) =>
      `Signed audit export completed: ${plural(d.entryCount, 'entry')}, ${bytes(d.bytes)}, manifest ${short(d.manifestHash)}`,
    sample: {
      scope: { from: '2026-11-01T00:00:00Z' },
      entryCount: 120,
      firstSequence: '1',
      lastSequence: '120',
      manifestHash: 'ab'.repeat(32),
      fileSha256: 'cd'.repeat(32),
      bytes: 40960,
      bucket: 'cv-audit-eu',
      objectKey: 'exports/x.jsonl',
      versionId: 'v1',
      retainUntil: '2033-11-01T00:00:00.000Z',
    },
  }),
  'audit.export_downloaded': action({
    subjectTypes: ['export'],
    details: z.looseObject({ size: z.number(), manifestSha256: nstr, role: str.optional(), versionId: nstr.optional() }),
    describe: (d) => `Downloaded a signed audit export (${bytes(d.size)}, manifest ${short(d.manifestSha256)})`,
    sample: { size: 40960, manifestSha256: 'ab'.repeat(32), role: 'AUDITOR', versionId: 'v1' },
  }),
  'audit.export_failed': action({
    subjectTypes: ['export'],
    details: z.looseObject({ scope: z.unknown(), attempts: int, reason: str }),
    describe: (d) => `Audit export failed after ${plural(d.attempts, 'attempt')}: ${d.reason}`,
    sample: { scope: { from: '2026-11-01T00:00:00Z' }, attempts: 3, reason: 'storage unavailable' },
  }),
  'audit.sealed': action({
    subjectTypes: ['system'],
    details: z.looseObject({
      id: str,
      firstSequence: str,
      lastSequence: str,
      entryCount: int,
      bucket: str,
      key: str,
      sha256: str,
      manifestHash: str,
    }),
    describe: (d) =>
      `Audit entries ${d.firstSequence}–${d.lastSequence} sealed into an Object-Locked segment (${plural(d.entryCount, 'entry')})`,
    sample: {
      id: 'seg-1',
      firstSequence: '1',
      lastSequence: '500',
      entryCount: 500,
      bucket: 'cv-audit-eu',
      key: 'segments/1-500.jsonl',
      versionId: 'v1',
      sha256: 'ab'.repeat(32),
      retainUntil: '2033-01-01T00:00:00.000Z',
      manifestHash: 'cd'.repeat(32),
    },
  }),
};

const ingestActions = {
  'ingest.received': action({
    subjectTypes: ['recording', 'system'],
    details: z.looseObject({ ingestEventId: str, source: str, eventType: str, vendorEventId: nstr, vendorAccountId: nstr, jobId: nstr }),
    describe: (d) => `Delivery received (${d.eventType}, via ${d.source.toLowerCase()})${d.jobId ? '; archive job queued' : ''}`,
    sample: {
      ingestEventId: 'e1',
      source: 'WEBHOOK',
      eventType: 'v2.conversations.recordings',
      vendorEventId: 'evt-1',
      vendorAccountId: 'genesys-eu',
      interactionDate: '2026-11-30',
      jobId: 'GENESYS_CLOUD:rec-1',
    },
  }),
  'ingest.duplicate': action({
    subjectTypes: ['recording', 'system'],
    details: z.looseObject({ reason: ostr, source: ostr, eventType: ostr, jobId: ostr }),
    describe: (d) =>
      `Duplicate delivery acknowledged${d.reason ? ` (${d.reason.replaceAll('_', ' ')})` : d.eventType ? ` (${d.eventType})` : ''}; nothing downloaded again`,
    sample: { reason: 'already_archived', jobId: 'GENESYS_CLOUD:rec-1', source: 'WEBHOOK', recordingId: 'r1' },
  }),
  'ingest.recording_skipped': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ interactionId: str, media: nstr, reason: str }),
    describe: (d) => `Not archived: ${d.reason}${d.media ? ` (${d.media})` : ''}`,
    sample: { interactionId: 'conv-1', media: 'screen', reason: 'not a call recording' },
  }),
  'ingest.interaction_resolved': action({
    subjectTypes: ['system'],
    details: z.looseObject({ recordings: z.array(str), duplicates: int, eventKey: nstr }),
    describe: (d) => `Interaction resolved into ${plural(d.recordings.length, 'recording')} (${d.duplicates} already known)`,
    sample: { recordings: ['rec-1', 'rec-2'], duplicates: 0, eventKey: null },
  }),
};

const archiveActions = {
  'archive.attempt_started': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ jobId: str, attempt: int, source: str, quarantineCaseId: nstr }),
    describe: (d) => `Archive attempt ${d.attempt} started (${d.source.toLowerCase()})`,
    sample: { jobId: 'GENESYS_CLOUD:rec-1', attempt: 1, source: 'WEBHOOK', quarantineCaseId: null },
  }),
  'archive.claim_taken_over': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ jobId: str, previousOwnerJobId: nstr, abandonedAttempts: int }),
    describe: (d) => `Claim taken over from a stopped worker (${plural(d.abandonedAttempts, 'abandoned attempt')})`,
    sample: { jobId: 'GENESYS_CLOUD:rec-1', previousOwnerJobId: 'GENESYS_CLOUD:rec-1', abandonedAttempts: 1 },
  }),
  'archive.download': action({
    subjectTypes: ['recording'],
    freeText: ['error'],
    details: z.looseObject({ status: str, bytes: z.number().nullish(), error: ostr }),
    describe: (d) => `Media download ${d.status}${d.bytes != null ? ` (${bytes(d.bytes)})` : ''}${d.error ? `: ${d.error}` : ''}`,
    sample: { status: 'completed', bytes: 480000, contentLength: 480000 },
  }),
  'archive.stored': action({
    subjectTypes: ['recording'],
    details: z.looseObject({
      bucket: str,
      key: str,
      versionId: str,
      retainUntil: str,
      sha256: str,
      sizeBytes: z.number(),
      legalHold: z.boolean().optional(),
    }),
    describe: (d) => `Stored under Object Lock until ${d.retainUntil.slice(0, 10)} (${bytes(d.sizeBytes)}, version ${short(d.versionId)})`,
    sample: {
      bucket: 'cv-rec-eu',
      key: 'genesys/rec-1.wav',
      versionId: 'v1',
      retainUntil: '2033-11-30T00:00:00.000Z',
      sha256: 'ab'.repeat(32),
      sizeBytes: 480000,
      objectLockMode: 'COMPLIANCE',
      legalHold: false,
    },
  }),
  'archive.version_reused': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ bucket: str, key: str, versionId: str, basis: str }),
    describe: (d) => `Reused stored version ${short(d.versionId)}: ${d.basis}`,
    sample: {
      bucket: 'cv-rec-eu',
      key: 'genesys/rec-1.wav',
      versionId: 'v1',
      sha256: 'ab'.repeat(32),
      sizeBytes: 480000,
      retainUntil: '2033-11-30T00:00:00.000Z',
      basis: 'written by an earlier attempt at this recording',
    },
  }),
  'archive.verified': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ versionId: str, sha256: str, sizeBytes: z.number(), media: z.looseObject({ verdict: str }) }),
    describe: (d) => `Read back and verified (SHA-256 ${short(d.sha256)}, ${bytes(d.sizeBytes)}); media check: ${d.media.verdict}`,
    sample: { versionId: 'v1', sha256: 'ab'.repeat(32), sizeBytes: 480000, media: { verdict: 'ok', measuredDurationSeconds: 30 } },
  }),
  'archive.checksum_mismatch': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ transferredSha256: str, storedSha256: str, lastAttempt: z.boolean() }),
    describe: (d) =>
      `Stored bytes differ from the transferred ones (${short(d.storedSha256)} ≠ ${short(d.transferredSha256)})${d.lastAttempt ? '; quarantined' : '; retrying'}`,
    sample: {
      transferredSha256: 'ab'.repeat(32),
      storedSha256: 'cd'.repeat(32),
      transferredBytes: 10,
      storedBytes: 10,
      lastAttempt: false,
    },
  }),
  'archive.extra_version': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ bucket: str, key: str, versionId: str, reason: str }),
    describe: (d) => `Extra stored version ${short(d.versionId)} kept and reported (${d.reason.replaceAll('_', ' ')})`,
    sample: {
      bucket: 'cv-rec-eu',
      key: 'genesys/rec-1.wav',
      versionId: 'v2',
      sha256: null,
      sizeBytes: null,
      reason: 'lost_race',
      attemptId: 'a1',
    },
  }),
  'archive.quarantined': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ reason: str, caseId: nstr.optional(), caseTransition: ostr }),
    describe: (d) => `Quarantined: ${d.reason.replaceAll('_', ' ').toLowerCase()}${d.caseTransition ? ` (case ${d.caseTransition})` : ''}`,
    sample: { recordingId: 'r1', archiveId: 'a1', reason: 'TRUNCATION_DETECTED', caseId: 'c1', caseTransition: 'opened', evidence: {} },
  }),
  'archive.completed': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ recordingId: str, status: str, storageLocation: nstr.optional(), storageVersionId: nstr.optional() }),
    describe: (d) => `Archive committed: ${d.status.toLowerCase()}${d.storageLocation ? ` at ${d.storageLocation}` : ''}`,
    sample: {
      recordingId: 'r1',
      archiveId: 'a1',
      status: 'ARCHIVED',
      source: 'WEBHOOK',
      storageLocation: 's3://cv-rec-eu/genesys/rec-1.wav',
      storageVersionId: 'v1',
      checksumSha256: 'ab'.repeat(32),
      refetchCase: null,
    },
  }),
  'archive.failed': action({
    subjectTypes: ['recording'],
    freeText: ['message'],
    details: z.looseObject({ errorClass: str, retryClass: str, code: nstr, message: str, retryable: z.boolean() }),
    describe: (d) =>
      `Attempt failed (${d.retryClass}${d.code ? `, ${d.code}` : ''}): ${d.message}${d.retryable ? '; will retry' : '; permanent'}`,
    sample: { errorClass: 'ArchiveError', retryClass: 'vendor_unavailable', code: 'download_failed', message: 'HTTP 503', retryable: true },
  }),
  'archive.dead_lettered': action({
    subjectTypes: ['recording', 'system'],
    freeText: ['failedReason'],
    details: z.looseObject({ deadLetterId: str, queue: str, jobId: str, attemptsMade: int, failedReason: str }),
    describe: (d) => `Moved to dead letters after ${plural(d.attemptsMade, 'attempt')}: ${d.failedReason}`,
    sample: {
      deadLetterId: 'd1',
      queue: 'archive-genesys',
      jobId: 'GENESYS_CLOUD:rec-1',
      jobName: 'recording.archive',
      attemptsMade: 12,
      failedReason: 'HTTP 503',
      recordingId: null,
    },
  }),
  'archive.peaks_stored': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ mediaVersionId: str, key: str, versionId: nstr, sizeBytes: z.number(), channels: int.nullable() }),
    describe: (d) => `Waveform peaks stored (${d.channels === null ? '' : `${plural(d.channels, 'channel')}, `}${bytes(d.sizeBytes)})`,
    sample: {
      bucket: 'cv-rec-eu',
      mediaKey: 'genesys/rec-1.wav',
      mediaVersionId: 'v1',
      key: 'genesys/rec-1.wav.peaks.json',
      versionId: 'p1',
      sizeBytes: 2048,
      channels: 2,
      retainUntil: '2033-11-30T00:00:00.000Z',
    },
  }),
  'archive.peaks_failed': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ mediaVersionId: str, error: str }),
    describe: (d) => `Waveform peaks not stored (the recording is unaffected): ${d.error}`,
    sample: { bucket: 'cv-rec-eu', mediaKey: 'genesys/rec-1.wav', mediaVersionId: 'v1', error: 'ffmpeg timed out' },
  }),
  'storage.multipart_aborted': action({
    subjectTypes: ['recording', 'system'],
    details: z.looseObject({ reason: str }),
    describe: (d) => `Incomplete multipart upload aborted: ${d.reason}`,
    sample: { reason: 'incomplete upload older than the longest possible transfer', uploadId: 'u1', initiated: '2026-11-30T00:00:00.000Z' },
  }),
};

const holdFields = { recordingId: str, reason: str, storage: ZStorage };
/** Details of a matter-wide hold change (placing and releasing write the same shape). */
const ZMatterHoldChange = z.looseObject({
  reference: str,
  reason: str,
  recordings: int,
  changed: int,
  unchanged: int,
  failed: z.array(z.looseObject({ recordingId: str })),
  userEmail: str,
});

const reviewActions = {
  'playback.issued': action({
    subjectTypes: ['recording'],
    freeText: ['reason'],
    details: z.looseObject({ user: str, recordingId: str, reason: str, expiresAt: str, ...client }),
    describe: (d) => `Playback link issued to ${d.user} until ${d.expiresAt.slice(11, 19)} UTC — reason: ${d.reason}`,
    sample: {
      user: 'officer@example.com',
      recordingId: 'r1',
      reason: 'complaint review',
      expiresAt: '2026-12-01T10:05:00.000Z',
      versionId: 'v1',
      ip: null,
      userAgent: null,
    },
  }),
  'recording.restore_requested': action({
    subjectTypes: ['recording'],
    freeText: ['reason'],
    details: z.looseObject({ user: str, recordingId: str, reason: str, storageClass: str, tier: str, days: int }),
    describe: (d) => `Retrieval from ${d.storageClass} requested by ${d.user} (${d.tier}, ${plural(d.days, 'day')}) — reason: ${d.reason}`,
    sample: {
      user: 'officer@example.com',
      recordingId: 'r1',
      reason: 'litigation',
      storageClass: 'GLACIER',
      tier: 'Standard',
      days: 3,
      versionId: 'v1',
    },
  }),
  'recording.restore_failed': action({
    subjectTypes: ['recording'],
    freeText: ['reason'],
    details: z.looseObject({ user: str, recordingId: str, reason: str, storageClass: str, error: str }),
    describe: (d) => `Retrieval from ${d.storageClass} refused by storage: ${d.error}`,
    sample: {
      user: 'officer@example.com',
      recordingId: 'r1',
      reason: 'litigation',
      storageClass: 'GLACIER',
      tier: 'Standard',
      days: 3,
      error: 'InvalidObjectState: x',
    },
  }),
  'quarantine.resolved': action({
    subjectTypes: ['quarantine_case', 'recording'],
    freeText: ['note'],
    details: z.looseObject({ decision: str, recordingId: str, reason: str, note: ostr, to: ostr, userEmail: ostr }),
    describe: (d) =>
      `Quarantine case (${d.reason.replaceAll('_', ' ').toLowerCase()}): ${d.decision.replaceAll('_', ' ')}${d.to ? ` → ${d.to}` : ''}${d.userEmail ? ` by ${d.userEmail}` : ''}${d.note ? ` — “${d.note}”` : ''}`,
    sample: {
      caseId: 'c1',
      recordingId: 'r1',
      reason: 'TRUNCATION_DETECTED',
      decision: 'accept',
      note: 'Caller hung up',
      from: 'OPEN',
      to: 'ACCEPTED',
      recordingStatus: 'ARCHIVED',
      jobId: null,
      userEmail: 'reviewer@example.com',
    },
  }),
  'quarantine.reopened': action({
    subjectTypes: ['quarantine_case'],
    details: z.looseObject({ recordingId: str, reason: str, cause: str }),
    describe: (d) => `Quarantine case reopened (${d.reason.replaceAll('_', ' ').toLowerCase()}): ${d.cause}`,
    sample: { recordingId: 'r1', reason: 'TRUNCATION_DETECTED', cause: 're-fetch failed the same check' },
  }),
  'quarantine.refetch_failed': action({
    subjectTypes: ['quarantine_case'],
    freeText: ['refetchError'],
    details: z.looseObject({ cause: str, refetchError: str }),
    describe: (d) => `Re-fetch failed (${d.cause.replaceAll('_', ' ')}): ${d.refetchError}`,
    sample: {
      recordingId: 'r1',
      reason: 'TRUNCATION_DETECTED',
      cause: 're-fetch failed the same check',
      refetchError: 'Still truncation detected: Expected 40 s, measured 33 s (7 s short)',
    },
  }),
  'quarantine.assigned': action({
    subjectTypes: ['quarantine_case'],
    details: z.looseObject({ caseId: str, to: str, from: nstr, userEmail: str }),
    describe: (d) => `Quarantine case assigned to ${d.to}${d.from ? ` (was ${d.from})` : ''} by ${d.userEmail}`,
    sample: { caseId: 'c1', recordingId: 'r1', from: null, to: 'reviewer@example.com', userEmail: 'reviewer@example.com' },
  }),
  'quarantine.unassigned': action({
    subjectTypes: ['quarantine_case'],
    details: z.looseObject({ caseId: str, from: nstr, userEmail: str }),
    describe: (d) => `Quarantine case unassigned${d.from ? ` from ${d.from}` : ''} by ${d.userEmail}`,
    sample: { caseId: 'c1', recordingId: 'r1', from: 'reviewer@example.com', to: null, userEmail: 'admin@example.com' },
  }),
  'legal_hold.placed': action({
    subjectTypes: ['recording'],
    freeText: ['reason', 'caseReference'],
    details: z.looseObject({ recordingId: str, matterId: str, caseReference: str, reason: str, userEmail: str, versionIds: z.array(str) }),
    describe: (d) =>
      `Legal hold placed for matter ${d.caseReference} by ${d.userEmail} on ${plural(d.versionIds.length, 'version')} — reason: ${d.reason}`,
    sample: {
      recordingId: 'r1',
      legalHoldId: 'h1',
      matterId: 'm1',
      caseReference: 'CASE-1',
      reason: 'litigation',
      userEmail: 'officer@example.com',
      storage: { bucket: 'b', key: 'k' },
      versionIds: ['v1'],
    },
  }),
  'legal_hold.lifted': action({
    subjectTypes: ['recording'],
    freeText: ['reason', 'caseReference', 'remainingMatters'],
    details: z.looseObject({ ...holdFields, userEmail: str, caseReference: str, remainingMatters: z.array(str) }),
    describe: (d) =>
      `Legal hold of matter ${d.caseReference} lifted by ${d.userEmail}${d.remainingMatters.length ? `; still held for ${d.remainingMatters.join(', ')}` : ''} — reason: ${d.reason}`,
    sample: {
      recordingId: 'r1',
      reason: 'case closed',
      userEmail: 'officer@example.com',
      matterId: 'm1',
      caseReference: 'CASE-1',
      holds: ['h1'],
      remainingMatters: [],
      storage: null,
    },
  }),
  'legal_hold.lift_incomplete': action({
    subjectTypes: ['recording'],
    freeText: ['reason'],
    details: z.looseObject(holdFields),
    describe: () => 'Legal hold lifted in the record, but storage still holds the media (to be completed)',
    sample: { recordingId: 'r1', reason: 'case closed', storage: { bucket: 'b', key: 'k' } },
  }),
  'legal_hold.lift_completed': action({
    subjectTypes: ['recording'],
    freeText: ['reason'],
    details: z.looseObject({ ...holdFields, userEmail: str, versionIds: z.array(str) }),
    describe: (d) => `Earlier lift completed in storage by ${d.userEmail} (${plural(d.versionIds.length, 'version')} released)`,
    sample: {
      recordingId: 'r1',
      reason: 'case closed',
      userEmail: 'officer@example.com',
      storage: { bucket: 'b', key: 'k' },
      versionIds: ['v1'],
    },
  }),
  'legal_hold.extended': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ bucket: str, key: str, versionId: str }),
    describe: (d) => `Legal hold extended to new version ${short(d.versionId)}`,
    sample: { bucket: 'b', key: 'k', versionId: 'v2' },
  }),
  'legal_hold.extend_failed': action({
    subjectTypes: ['recording'],
    details: z.looseObject({ bucket: str, key: str, versionId: str, error: str }),
    describe: (d) => `Could not extend the legal hold to version ${short(d.versionId)}: ${d.error}`,
    sample: { bucket: 'b', key: 'k', versionId: 'v2', error: 'AccessDenied' },
  }),
  'matter.recordings_added': action({
    subjectTypes: ['matter'],
    freeText: ['reference', 'filter.*'],
    identifiers: ['filter.customer'],
    details: z.looseObject({ by: str, reference: str, requested: int, added: int, recordingIds: z.array(str), userEmail: str }),
    describe: (d) =>
      `${plural(d.added, 'recording')} added to matter ${d.reference} by ${d.userEmail} (by ${d.by}; ${d.requested - d.added} already in it)`,
    sample: {
      by: 'selection',
      reference: 'CASE-1',
      requested: 3,
      added: 2,
      recordingIds: ['r1', 'r2', 'r3'],
      userEmail: 'officer@example.com',
    },
  }),
  'matter.hold_placed': action({
    subjectTypes: ['matter'],
    freeText: ['reference', 'reason'],
    details: ZMatterHoldChange,
    describe: (d) =>
      `Legal hold of matter ${d.reference} placed on ${plural(d.changed, 'recording')} by ${d.userEmail}${d.failed.length ? `; ${d.failed.length} failed` : ''} — reason: ${d.reason}`,
    sample: {
      reference: 'CASE-1',
      reason: 'litigation',
      recordings: 3,
      changed: 2,
      unchanged: 1,
      failed: [],
      userEmail: 'officer@example.com',
    },
  }),
  'matter.hold_released': action({
    subjectTypes: ['matter'],
    freeText: ['reference', 'reason'],
    details: ZMatterHoldChange,
    describe: (d) =>
      `Legal hold of matter ${d.reference} released on ${plural(d.changed, 'recording')} by ${d.userEmail}${d.failed.length ? `; ${d.failed.length} failed` : ''} — reason: ${d.reason}`,
    sample: {
      reference: 'CASE-1',
      reason: 'case closed',
      recordings: 3,
      changed: 3,
      unchanged: 0,
      failed: [{ recordingId: 'r1', error: 'storage unavailable' }],
      userEmail: 'officer@example.com',
    },
  }),
  'evidence.package_requested': action({
    subjectTypes: ['evidence_package'],
    details: z.looseObject({
      matterId: nstr,
      recordingCount: int,
      recordingIds: z.array(str),
      identifiers: z.enum(['masked', 'clear']),
      userEmail: str,
      role: str,
    }),
    describe: (d) =>
      `Evidence package of ${plural(d.recordingCount, 'recording')} requested by ${d.userEmail} (identifiers ${d.identifiers})`,
    sample: {
      matterId: null,
      recordingCount: 2,
      recordingIds: ['r1', 'r2'],
      identifiers: 'masked',
      userEmail: 'auditor@example.com',
      role: 'AUDITOR',
    },
  }),
  'evidence.package_built': action({
    subjectTypes: ['evidence_package'],
    details: z.looseObject({
      matterId: nstr,
      recordingCount: int,
      identifiers: str,
      manifestHash: str,
      fileSha256: str,
      bytes: int,
      versionId: nstr.optional(),
      retainUntil: ostr,
    }),
    describe: (d) =>
      `Evidence package built: ${plural(d.recordingCount, 'recording')}, ${bytes(d.bytes)}, manifest ${short(d.manifestHash)}`,
    sample: {
      matterId: null,
      recordingCount: 2,
      identifiers: 'clear',
      manifestHash: 'ab'.repeat(32),
      fileSha256: 'cd'.repeat(32),
      bytes: 40960,
      bucket: 'cv-audit-eu',
      objectKey: 'exports/evidence/x.tar',
      versionId: 'v1',
      retainUntil: '2033-11-01T00:00:00.000Z',
    },
  }),
  'evidence.package_failed': action({
    subjectTypes: ['evidence_package'],
    details: z.looseObject({ matterId: nstr, attempts: int, reason: str }),
    describe: (d) => `Evidence package failed after ${plural(d.attempts, 'attempt')}: ${d.reason}`,
    sample: { matterId: null, attempts: 3, reason: 'storage unavailable' },
  }),
  'evidence.package_downloaded': action({
    subjectTypes: ['evidence_package'],
    details: z.looseObject({
      matterId: nstr,
      size: z.number(),
      manifestSha256: nstr,
      role: str,
      versionId: nstr.optional(),
      userEmail: str,
    }),
    describe: (d) => `Evidence package downloaded by ${d.userEmail} (${bytes(d.size)}, manifest ${short(d.manifestSha256)})`,
    sample: {
      matterId: null,
      size: 40960,
      manifestSha256: 'ab'.repeat(32),
      role: 'OFFICER',
      versionId: 'v1',
      userEmail: 'officer@example.com',
    },
  }),
  'matter.created': action({
    subjectTypes: ['matter'],
    freeText: ['reference', 'name', 'description'],
    details: z.looseObject({ reference: str, name: str, by: str }),
    describe: (d) => `Matter ${d.reference}${d.name !== d.reference ? ` (${d.name})` : ''} opened by ${d.by}`,
    sample: { reference: 'CASE-1', name: 'Complaint 1', description: '', by: 'officer@example.com' },
  }),
};

const operationActions = {
  'dead_letter.replayed': action({
    subjectTypes: ['dead_letter'],
    details: z.looseObject({ queue: str, jobName: str, originalJobId: str, newJobId: str, userEmail: ostr }),
    describe: (d) => `Dead letter replayed${d.userEmail ? ` by ${d.userEmail}` : ''} (${d.jobName} on ${d.queue})`,
    sample: {
      queue: 'archive-genesys',
      jobName: 'recording.archive',
      originalJobId: 'j1',
      newJobId: 'j2',
      vendorRecordingId: 'rec-1',
      userEmail: 'admin@example.com',
    },
  }),
  'dead_letter.auto_redriven': action({
    subjectTypes: ['dead_letter'],
    details: z.looseObject({ queue: str, jobName: str, originalJobId: str, newJobId: str }),
    describe: (d) => `Dead letter re-driven automatically once its cause cleared (${d.jobName} on ${d.queue})`,
    sample: { queue: 'archive-genesys', jobName: 'recording.archive', originalJobId: 'j1', newJobId: 'j2', vendorRecordingId: 'rec-1' },
  }),
  'reconciliation.reported': action({
    subjectTypes: ['reconciliation'],
    details: z.looseObject({ vendorAccountId: str, day: str, counts: z.looseObject({ listed: int, matched: int, missing: int }) }),
    describe: (d) =>
      `Reconciliation of ${d.vendorAccountId} for ${d.day}: ${d.counts.listed} listed, ${d.counts.matched} matched, ${d.counts.missing} missing`,
    sample: {
      vendorAccountId: 'genesys-eu',
      day: '2026-11-30',
      counts: { listed: 10, matched: 9, missing: 1, quarantined: 0, redriven: 1, pending: 0, extra: 0, mismatched: 0 },
    },
  }),
};

export const AUDIT_ACTIONS = {
  ...authActions,
  ...userActions,
  ...accessActions,
  ...auditTrailActions,
  ...ingestActions,
  ...archiveActions,
  ...reviewActions,
  ...operationActions,
};

export type TAuditAction = keyof typeof AUDIT_ACTIONS;
export type TAuditSubjectOf<A extends TAuditAction> = (typeof AUDIT_ACTIONS)[A]['subjectTypes'][number];
/** What a writer passes as details (the schema's input). */
export type TAuditDetails<A extends TAuditAction> = z.input<(typeof AUDIT_ACTIONS)[A]['details']>;
/** The actions that may be written about a given subject type. */
export type TAuditActionFor<S extends TAuditSubjectType> = { [A in TAuditAction]: S extends TAuditSubjectOf<A> ? A : never }[TAuditAction];

export type TAuditInputOf<A extends TAuditAction> = {
  actorType: TAuditActorType;
  actorId: string;
  action: A;
  subjectType: TAuditSubjectOf<A>;
  subjectId: string;
  details: TAuditDetails<A>;
};
/** Any registered entry: a union discriminated by `action`. */
export type TAuditInput = { [A in TAuditAction]: TAuditInputOf<A> }[TAuditAction];

type TUnregisteredAction<A extends string> = {
  actorType: TAuditActorType;
  actorId: string;
  action: A;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
} & {
  'unregistered audit action: add it to AUDIT_ACTIONS in lib/audit/actions.ts': never;
};
/** The input for action name A; an unregistered name resolves to a type whose compile error says what to do. */
export type TAuditInputFor<A extends string> = A extends TAuditAction ? TAuditInputOf<A> : TUnregisteredAction<A>;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as TAuditAction[];

export function isAuditAction(name: string): name is TAuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, name);
}

/** Why an entry does not match the registry (unknown action, wrong subject type, bad details), or null. */
export function auditEntryProblem(entry: { action: string; subjectType: string; details: unknown }): string | null {
  if (!isAuditAction(entry.action)) return `unregistered audit action "${entry.action}": add it to AUDIT_ACTIONS in lib/audit/actions.ts`;
  const spec = AUDIT_ACTIONS[entry.action] as TAuditActionSpec;
  if (!(spec.subjectTypes as readonly string[]).includes(entry.subjectType))
    return `audit action "${entry.action}" is not written about subject type "${entry.subjectType}" (allowed: ${spec.subjectTypes.join(', ')})`;
  const parsed = spec.details.safeParse(entry.details);
  if (!parsed.success) return `audit action "${entry.action}": invalid details: ${z.prettifyError(parsed.error)}`;
  return null;
}

/**
 * A one-line description of an entry as stored. Entries whose details do not parse (written before a
 * schema tightened, or by an action no longer written) still get a line: the action name and subject.
 */
export function describeAuditEntry(entry: { action: string; subjectType: string; subjectId: string; details: unknown }): string {
  if (isAuditAction(entry.action)) {
    const spec = AUDIT_ACTIONS[entry.action] as TAuditActionSpec;
    const parsed = spec.details.safeParse(entry.details);
    if (parsed.success) return spec.describe(parsed.data, entry.subjectId);
  }
  return `${entry.action.replaceAll(/[._]/g, ' ')} (${entry.subjectType.replaceAll('_', ' ')} ${entry.subjectId})`;
}
