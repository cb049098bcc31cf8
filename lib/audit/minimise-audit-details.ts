// Write-time minimisation of audit details. The trail is hash-chained, signed and sealed under Object
// Lock: what it records can never be redacted later, and masking an export would break every hash. So
// the fields an action declares as free text (AUDIT_ACTIONS[action].freeText) pass through the one
// identifier detector before the entry is hashed: the entry keeps the masked text and, beside it,
// `<field>Sha256` = hex SHA-256 of the original (UTF-8), which commits the trail to what was typed.
// Whoever holds the original (the playback request, the case's note, the matter row, the search link)
// proves it matches by hashing it. A list of strings is masked item by item; its digest is the SHA-256
// of the original list as canonical JSON. Nothing is added to a field the detector leaves unchanged.
import { AUDIT_ACTIONS, FREE_TEXT_DIGEST_SUFFIX, isAuditAction, type TAuditActionSpec } from '@/lib/audit/actions';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { sha256Hex } from '@/lib/audit/hash-audit-entry';
import { maskIdentifiersInText } from '@/lib/masking/mask-identifiers-in-text';

type TDetails = Record<string, unknown>;

const isObject = (v: unknown): v is TDetails => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The masked value and the digest of the original, or null when the detector finds nothing. */
function minimiseValue(value: unknown): { masked: unknown; digest: string } | null {
  if (typeof value === 'string') {
    const masked = maskIdentifiersInText(value);
    return masked === value ? null : { masked, digest: sha256Hex(value) };
  }
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) {
    const masked = value.map((v) => maskIdentifiersInText(v));
    return masked.every((m, i) => m === value[i]) ? null : { masked, digest: sha256Hex(canonicalJson(value)) };
  }
  return null;
}

/** Applies one path to an object; returns the same object when nothing changed (callers share details). */
function minimisePath(obj: TDetails, path: readonly string[]): TDetails {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  if (rest.length > 0) {
    const child = obj[head];
    if (!isObject(child)) return obj;
    const next = minimisePath(child, rest);
    return next === child ? obj : { ...obj, [head]: next };
  }
  const keys = head === '*' ? Object.keys(obj).filter((k) => !k.endsWith(FREE_TEXT_DIGEST_SUFFIX)) : [head];
  let out = obj;
  for (const key of keys) {
    const result = minimiseValue(obj[key]);
    if (!result) continue;
    if (out === obj) out = { ...obj };
    out[key] = result.masked;
    out[`${key}${FREE_TEXT_DIGEST_SUFFIX}`] = result.digest;
  }
  return out;
}

/** The details as the trail may keep them: every declared free-text field masked, with its digest. */
export function minimiseAuditDetails(action: string, details: TDetails): TDetails {
  if (!isAuditAction(action)) return details;
  const spec = AUDIT_ACTIONS[action] as TAuditActionSpec;
  return (spec.freeText ?? []).reduce((d, path) => minimisePath(d, path.split('.')), details);
}
