// Write-time minimisation of audit details. The trail is hash-chained, signed and sealed under Object
// Lock: what it records can never be redacted later, and masking an export would break every hash. So
// the fields an action declares as free text (AUDIT_ACTIONS[action].freeText) pass through the one
// identifier detector before the entry is hashed (a field declared an identifier is masked whole). The
// entry keeps the masked text and, beside it, `<field>Commitment` = hex SHA-256(salt ‖ UTF-8 original)
// with a fresh random 32-byte salt per field (lib/audit/commit-free-text.ts). The masked text leaves only
// a few digits hidden; a plain digest of the original would give them away to anyone trying the ~1,000
// candidates, the salted one does not. The opening (original and salt) is returned to the writer, which
// stores it outside the trail ("AuditFreeText"): whoever holds it proves what was typed; deleting it
// leaves the entry verifiable and unopenable. A list of strings is masked item by item; its original is
// the list as canonical JSON. Nothing is added to a field the detector leaves unchanged.
import { AUDIT_ACTIONS, FREE_TEXT_COMMITMENT_SUFFIX, isAuditAction, type TAuditActionSpec } from '@/lib/audit/actions';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { commitFreeText, newFreeTextSalt } from '@/lib/audit/commit-free-text';
import { maskIdentifier } from '@/lib/masking/mask-identifier';
import { maskIdentifiersInText } from '@/lib/masking/mask-identifiers-in-text';

type TDetails = Record<string, unknown>;

/** What was masked in one field: its dotted path in the details, the original and the commitment's salt. */
export type TFreeTextOpening = { field: string; original: string; salt: Buffer };

export type TMinimisedDetails = { details: TDetails; openings: TFreeTextOpening[] };

const isObject = (v: unknown): v is TDetails => typeof v === 'object' && v !== null && !Array.isArray(v);

// A free-text value that is nothing but a number or part of one (a search for "1498897"): the detector
// leaves short or bare digit runs alone inside prose, but on its own such a value is an identifier. Dates
// are not.
const NUMBER_ONLY = /^\+?[\d\s().-]{6,}$/;
const DATE_ONLY = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/;
const isNumberOnly = (text: string) => NUMBER_ONLY.test(text.trim()) && !DATE_ONLY.test(text.trim());

/** The masked value and the original it commits to, or null when nothing needs masking. */
function maskValue(value: unknown, whole: boolean): { masked: unknown; original: string } | null {
  const mask = (text: string) => (whole || isNumberOnly(text) ? maskIdentifier(text) : maskIdentifiersInText(text));
  if (typeof value === 'string') {
    const masked = mask(value);
    return masked === value ? null : { masked, original: value };
  }
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) {
    const masked = value.map((v) => mask(v));
    return masked.every((m, i) => m === value[i]) ? null : { masked, original: canonicalJson(value) };
  }
  return null;
}

type TWalk = { identifiers: ReadonlySet<string>; openings: TFreeTextOpening[] };

/** Applies one path to an object; returns the same object when nothing changed (callers share details). */
function minimisePath(obj: TDetails, path: readonly string[], prefix: string, walk: TWalk): TDetails {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  if (rest.length > 0) {
    const child = obj[head];
    if (!isObject(child)) return obj;
    const next = minimisePath(child, rest, `${prefix}${head}.`, walk);
    return next === child ? obj : { ...obj, [head]: next };
  }
  const keys = head === '*' ? Object.keys(obj).filter((k) => !k.endsWith(FREE_TEXT_COMMITMENT_SUFFIX)) : [head];
  let out = obj;
  for (const key of keys) {
    const field = `${prefix}${key}`;
    if (walk.openings.some((o) => o.field === field)) continue;
    const result = maskValue(obj[key], walk.identifiers.has(field));
    if (!result) continue;
    const salt = newFreeTextSalt();
    if (out === obj) out = { ...obj };
    out[key] = result.masked;
    out[`${key}${FREE_TEXT_COMMITMENT_SUFFIX}`] = commitFreeText(salt, result.original);
    walk.openings.push({ field, original: result.original, salt });
  }
  return out;
}

/** The details as the trail may keep them (every declared free-text field masked, with its commitment) and the openings. */
export function minimiseAuditDetails(action: string, details: TDetails): TMinimisedDetails {
  if (!isAuditAction(action)) return { details, openings: [] };
  const spec = AUDIT_ACTIONS[action] as TAuditActionSpec;
  const identifiers = spec.identifiers ?? [];
  const walk: TWalk = { identifiers: new Set(identifiers), openings: [] };
  // Identifier paths first, so a wildcard over the same object finds them already masked whole.
  const paths = [...identifiers, ...(spec.freeText ?? [])];
  const minimised = paths.reduce((d, path) => minimisePath(d, path.split('.'), '', walk), details);
  return { details: minimised, openings: walk.openings };
}
