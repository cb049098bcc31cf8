// Field readers shared by the vendor normalizers. Each mandatory field is read independently and every
// problem is collected (so a reviewer sees all of them at once); nothing is ever filled in with a default.
import type { TCanonicalRecording, TNormalizeResult } from './types';

export type TProblem = { field: string; problem: 'missing' | 'invalid'; detail?: string };
type TFieldName = keyof TCanonicalRecording;

const REQUIRED_FIELDS: readonly TFieldName[] = [
  'vendorSource',
  'vendorRecordingId',
  'interactionId',
  'startTime',
  'endTime',
  'durationSeconds',
  'direction',
  'participants',
  'complianceTags',
  'mediaFormat',
  'rawVendorPayloadVersion',
];

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export class CanonicalBuilder {
  readonly problems: TProblem[] = [];
  readonly partial: Partial<TCanonicalRecording> = {};

  set<K extends TFieldName>(field: K, value: TCanonicalRecording[K]): void {
    this.partial[field] = value;
  }

  problem(field: string, problem: 'missing' | 'invalid', detail?: string): void {
    this.problems.push({ field, problem, ...(detail ? { detail } : {}) });
  }

  /** A non-empty string, or a number given as an id (CXone ids are numeric). */
  id(field: 'vendorRecordingId' | 'interactionId', value: unknown, source: string): void {
    if (isAbsent(value)) return this.problem(field, 'missing', `${source} is absent`);
    if (typeof value === 'number' && Number.isSafeInteger(value)) return this.set(field, String(value));
    if (typeof value !== 'string' || value.trim() === '') return this.problem(field, 'invalid', `${source} is not an id`);
    this.set(field, value);
  }

  /** An ISO-8601 timestamp with a time zone (a zone-less time is ambiguous, so it is invalid). */
  time(field: 'startTime' | 'endTime', value: unknown, source: string): void {
    if (isAbsent(value)) return this.problem(field, 'missing', `${source} is absent`);
    const ok = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);
    const date = ok ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) return this.problem(field, 'invalid', `${source} is not an ISO-8601 timestamp with zone`);
    this.set(field, date);
  }

  seconds(value: unknown, divisor: number, source: string): void {
    if (isAbsent(value)) return this.problem('durationSeconds', 'missing', `${source} is absent`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      return this.problem('durationSeconds', 'invalid', `${source} is not a non-negative number`);
    this.set('durationSeconds', value / divisor);
    this.set('durationSource', 'vendor');
  }

  /** Cross-field rule: a recording cannot end before it starts. */
  checkTimeOrder(): void {
    const { startTime, endTime } = this.partial;
    if (startTime && endTime && endTime < startTime) {
      delete this.partial.endTime;
      this.problem('endTime', 'invalid', 'endTime is before startTime');
    }
  }

  result(): TNormalizeResult {
    this.checkTimeOrder();
    // Backstop: a field a normalizer forgot to read must not slip through as undefined.
    for (const field of REQUIRED_FIELDS) {
      if (this.partial[field] === undefined && !this.problems.some((p) => p.field === field)) this.problem(field, 'missing');
    }
    if (this.partial.durationSeconds !== undefined && this.partial.durationSource === undefined)
      this.problem('durationSource', 'missing', 'a duration must say whether the vendor stated or we derived it');
    if (this.problems.length > 0) return { ok: false, problems: this.problems, partial: this.partial };
    return { ok: true, record: this.partial as TCanonicalRecording };
  }
}

/** Compliance tags: trimmed, lower-cased, de-duplicated, in first-seen order. */
export function normalizeTags(values: unknown[]): string[] {
  const tags = values.filter((v): v is string => typeof v === 'string').map((v) => v.trim().toLowerCase());
  return [...new Set(tags.filter(Boolean))];
}

/** A caller address as an identifier: "tel:+15550199887" and "sip:+15550199887@carrier;user=phone" →
 *  "+15550199887" (so dial rules see the number); a SIP URI whose user part is not a number keeps its
 *  user@host form; other identifiers as given. */
export function callerAddress(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  const sip = /^sips?:([^@;?]+)(@[^;?]*)?/i.exec(trimmed);
  if (sip?.[1]) {
    const user = sip[1].replace(/%2B/gi, '+');
    return /^\+?\d[\d\s().-]*$/.test(user) ? user.replace(/[\s().-]/g, '') : `${user}${sip[2] ?? ''}`;
  }
  return trimmed.replace(/^tel:/i, '');
}

export function stringOrNull(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
