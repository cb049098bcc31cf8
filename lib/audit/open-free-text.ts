// The openings of masked free-text fields for a history shown to a role that sees identifiers in clear:
// each field's original and salt (kept outside the trail, "AuditFreeText", keyed by the journal id the
// chained entry keeps) and whether SHA-256(salt ‖ original) equals the commitment the signed entry holds.
// Callers pass `unmasked` (the viewer's permission): masked roles get the views back untouched, and no
// query for openings is made for them. An opening deleted on an erasure request is simply absent.
import { commitFreeText } from '@/lib/audit/commit-free-text';
import { FREE_TEXT_COMMITMENT_SUFFIX } from '@/lib/audit/actions';
import { db } from '@/lib/db';

export type TFreeTextOpeningView = { field: string; original: string; saltHex: string; matches: boolean };

type TWithOpenings<V> = V & { openings?: TFreeTextOpeningView[] };

type TOpeningRow = { sequence: string; field: string; original: string; salt: Uint8Array };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The commitment the entry keeps beside a field given by its dotted path, if any. */
function commitmentAt(details: unknown, field: string): unknown {
  const path = field.split('.');
  const key = path.pop()!;
  const parent = path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), details);
  return isObject(parent) ? parent[`${key}${FREE_TEXT_COMMITMENT_SUFFIX}`] : undefined;
}

export async function openFreeText<V extends { sequence: string; details: unknown }>(
  views: V[],
  unmasked: boolean,
): Promise<TWithOpenings<V>[]> {
  if (!unmasked || views.length === 0) return views;
  const rows = await db().$queryRaw<TOpeningRow[]>`
    SELECT e."sequence"::text AS "sequence", o."field", o."original", o."salt"
      FROM "AuditFreeText" o JOIN "AuditEntry" e ON e."journalId" = o."journalId"
     WHERE e."sequence" = ANY(${views.map((v) => v.sequence)}::bigint[])
     ORDER BY o."field"`;
  if (rows.length === 0) return views;
  const bySequence = new Map<string, TOpeningRow[]>();
  for (const r of rows) bySequence.set(r.sequence, [...(bySequence.get(r.sequence) ?? []), r]);
  return views.map((view) => {
    const found = bySequence.get(view.sequence);
    if (!found) return view;
    const openings = found.map((r) => {
      const salt = Buffer.from(r.salt);
      return {
        field: r.field,
        original: r.original,
        saltHex: salt.toString('hex'),
        matches: commitmentAt(view.details, r.field) === commitFreeText(salt, r.original),
      };
    });
    return { ...view, openings };
  });
}
