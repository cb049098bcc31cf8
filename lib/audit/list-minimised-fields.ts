// Which of an entry's free-text fields were masked when it was written (those with a commitment beside them),
// so a history can say that the text shown is the trail's masked copy and the original lives elsewhere.
import { AUDIT_ACTIONS, FREE_TEXT_COMMITMENT_SUFFIX, isAuditAction, type TAuditActionSpec } from '@/lib/audit/actions';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fieldsAt(obj: Record<string, unknown>, path: readonly string[], prefix: string): string[] {
  const [head, ...rest] = path;
  if (head === undefined) return [];
  if (rest.length > 0) {
    const child = obj[head];
    return isObject(child) ? fieldsAt(child, rest, `${prefix}${head}.`) : [];
  }
  const keys = head === '*' ? Object.keys(obj).filter((k) => !k.endsWith(FREE_TEXT_COMMITMENT_SUFFIX)) : [head];
  return keys.filter((k) => k in obj && typeof obj[`${k}${FREE_TEXT_COMMITMENT_SUFFIX}`] === 'string').map((k) => `${prefix}${k}`);
}

export function listMinimisedFields(action: string, details: unknown): string[] {
  if (!isAuditAction(action) || !isObject(details)) return [];
  const spec = AUDIT_ACTIONS[action] as TAuditActionSpec;
  const paths = [...(spec.identifiers ?? []), ...(spec.freeText ?? [])];
  return [...new Set(paths.flatMap((path) => fieldsAt(details, path.split('.'), '')))];
}
