// What is wrong with a quarantined recording, in words a reviewer reads at a glance: one headline for the
// queue row and labelled facts for the case page, taken from the evidence the pipeline stored (never guessed:
// a value the evidence lacks is said to be unknown). Runs on evidence already masked for the viewer's role.
import type { QuarantineReason } from '@/lib/generated/prisma/enums';

export type TSummaryFact = { label: string; value: string };
export type TCaseSummary = { headline: string; facts: TSummaryFact[] };

type TEvidence = Record<string, unknown>;

const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const secs = (v: number | null) => (v === null ? 'unknown' : `${Number(v.toFixed(3))} s`);
const bytes = (v: number | null) => (v === null ? 'unknown' : `${v.toLocaleString('en-US')} bytes`);
const shortHash = (v: unknown) => (s(v) ? `${String(v).slice(0, 12)}…` : 'unknown');

function fact(label: string, value: string | null): TSummaryFact[] {
  return value === null ? [] : [{ label, value }];
}

function truncation(e: TEvidence): TCaseSummary {
  const expected = n(e.vendorDurationSeconds);
  const measured = n(e.measuredDurationSeconds);
  const header = n(e.headerDurationSeconds);
  const delta = n(e.deltaSeconds) ?? (expected !== null && measured !== null ? measured - expected : null);
  const shortBy = delta === null ? '' : delta < 0 ? ` (${secs(-delta)} short)` : ` (${secs(delta)} longer)`;
  const size = n(e.sizeBytes);
  const announced = n(e.contentLength);
  const bytePart =
    size === null ? '' : `; ${bytes(size)} stored${announced !== null && announced !== size ? ` of ${bytes(announced)} announced` : ''}`;
  return {
    headline: `Expected ${secs(expected)}, measured ${secs(measured)}${shortBy}${bytePart}`,
    facts: [
      { label: 'Expected duration (vendor)', value: secs(expected) },
      { label: 'Measured duration (stored bytes)', value: secs(measured) },
      ...fact('Duration the media header claims', header === null ? null : secs(header)),
      ...fact('Tolerance', n(e.toleranceSeconds) === null ? null : secs(n(e.toleranceSeconds))),
      { label: 'Bytes stored', value: bytes(size) },
      ...fact('Bytes the vendor announced', announced === null ? null : bytes(announced)),
      ...fact('Why', s(e.reason)),
    ],
  };
}

type TProblem = { field: string; problem: string; detail?: string };

function problemsOf(e: TEvidence): TProblem[] {
  if (!Array.isArray(e.problems)) return [];
  return e.problems.filter((p): p is TProblem => typeof p === 'object' && p !== null && typeof (p as TProblem).field === 'string');
}

function invalidMetadata(e: TEvidence): TCaseSummary {
  const problems = problemsOf(e);
  const line = (p: TProblem) => `${p.field} ${p.problem === 'missing' ? 'is missing' : 'is invalid'}${p.detail ? ` (${p.detail})` : ''}`;
  const headline =
    problems.length === 0
      ? 'Metadata failed validation (no field-level issues were stored)'
      : `${problems.length === 1 ? '1 field' : `${problems.length} fields`} failed: ${problems.map(line).join('; ')}`;
  return {
    headline,
    facts: [
      ...problems.map((p) => ({
        label: p.field,
        value: `${p.problem === 'missing' ? 'missing' : 'invalid'}${p.detail ? ` — ${p.detail}` : ''}`,
      })),
      ...fact('Payload schema version', s(e.schemaVersion)),
    ],
  };
}

function residency(e: TEvidence): TCaseSummary {
  const allowed = Array.isArray(e.allowedRegions) ? e.allowedRegions.join(', ') : null;
  const region = s(e.region) ?? s(e.recordingRegion);
  const problem =
    s(e.problem) ??
    (s(e.bucket)
      ? `region ${region ?? 'unknown'} may not be written to bucket ${String(e.bucket)} (bucket region ${s(e.bucketRegion) ?? 'unknown'})`
      : null);
  return {
    headline: problem ? `Residency conflict: ${problem}` : `Residency conflict for region ${region ?? 'unknown'}`,
    facts: [
      { label: 'Recording region', value: region ?? 'unknown' },
      ...fact('Vendor instance', s(e.vendorInstance)),
      ...fact('Regions this deployment stores', allowed),
      ...fact('How the region was decided', Array.isArray(e.reasons) ? e.reasons.join('; ') : null),
    ],
  };
}

function checksum(e: TEvidence): TCaseSummary {
  const sent = n(e.transferredBytes);
  const stored = n(e.storedBytes);
  const sizePart = sent !== stored ? `${bytes(sent)} sent, ${bytes(stored)} read back` : `same size (${bytes(sent)}), different content`;
  return {
    headline: `Stored copy does not match the transfer: ${sizePart}`,
    facts: [
      { label: 'Bytes transferred', value: bytes(sent) },
      { label: 'Bytes read back', value: bytes(stored) },
      { label: 'SHA-256 transferred', value: shortHash(e.transferredSha256) },
      { label: 'SHA-256 read back', value: shortHash(e.storedSha256) },
    ],
  };
}

function invalidMedia(e: TEvidence): TCaseSummary {
  const label = s(e.vendorFormatLabel);
  const container = s(e.container);
  const why = s(e.parseError) ?? s(e.reason) ?? 'the media could not be parsed';
  const content =
    container && label && container !== label ? `; labelled ${label}, content looks like ${container}` : label ? `; labelled ${label}` : '';
  return {
    headline: `Unsupported or unreadable media: ${why}${content}`,
    facts: [
      { label: 'Why', value: why },
      ...fact('Vendor format label', label),
      ...fact('Container found', container),
      ...fact('Codec found', s(e.codec)),
      { label: 'Bytes stored', value: bytes(n(e.sizeBytes)) },
    ],
  };
}

const BY_REASON: Record<QuarantineReason, (e: TEvidence) => TCaseSummary> = {
  TRUNCATION_DETECTED: truncation,
  INVALID_METADATA: invalidMetadata,
  RESIDENCY_VIOLATION: residency,
  CHECKSUM_MISMATCH: checksum,
  INVALID_MEDIA: invalidMedia,
};

export function summarizeQuarantineCase(reason: QuarantineReason, evidence: unknown): TCaseSummary {
  const e = evidence && typeof evidence === 'object' && !Array.isArray(evidence) ? (evidence as TEvidence) : {};
  const summary = BY_REASON[reason](e);
  const previous = e.previousEvidence;
  if (!previous || typeof previous !== 'object') return summary;
  // A re-fetch that failed the same check: what the earlier copy showed, for comparison.
  return {
    ...summary,
    facts: [...summary.facts, { label: 'Before the re-fetch', value: BY_REASON[reason](previous as TEvidence).headline }],
  };
}
