// What a Merkle leaf commits to for one audit entry: its entryHash (and through it the whole entry and
// its predecessors) plus "tags", hashed labels of what the entry is about. Tags let a filtered export
// prove completeness without disclosing the entries it leaves out: each omitted entry appears only as
// its entryHash and tags, the checkpoint's root proves they are the tags the log committed to, and the
// verifier checks that none of them matches the export's filter. Tags are SHA-256 hashes so that an
// omitted entry reveals nothing but "not in your scope". node:crypto only (standalone verifier).
import { canonicalJson } from '@/lib/audit/canonical-json';
import { leafHash } from '@/lib/audit/merkle';
import { sha256Hex } from '@/lib/audit/hash-audit-entry';

/** details keys that tag an entry (the keys export filters may use). */
export const TAG_DETAIL_KEYS = ['recordingId', 'quarantineCaseId'] as const;

/** A subject filter: entries whose subject is one of `subjects`, or whose details[key] is one of the values. */
export type TAuditFilter = {
  subjects: { subjectType: string; subjectIds: string[] }[];
  details: { key: string; values: string[] }[];
};

type TTagged = { subjectType: string; subjectId: string; details: unknown };

function tag(parts: string[]): string {
  return sha256Hex(canonicalJson(parts));
}

export function entryTags(entry: TTagged): string[] {
  const tags = new Set([tag(['subject', entry.subjectType, entry.subjectId])]);
  const details = entry.details;
  if (typeof details === 'object' && details !== null && !Array.isArray(details)) {
    for (const key of TAG_DETAIL_KEYS) {
      const value = (details as Record<string, unknown>)[key];
      if (typeof value === 'string') tags.add(tag(['details', key, value]));
    }
  }
  return [...tags].sort();
}

/** The tags an entry must carry (at least one of) to be in the filter's scope. */
export function filterTags(filter: TAuditFilter): Set<string> {
  const tags = new Set<string>();
  for (const s of filter.subjects) for (const id of s.subjectIds) tags.add(tag(['subject', s.subjectType, id]));
  for (const d of filter.details) {
    if (!(TAG_DETAIL_KEYS as readonly string[]).includes(d.key))
      throw new Error(`audit filter: details key "${d.key}" is not a tagged key`);
    for (const value of d.values) tags.add(tag(['details', d.key, value]));
  }
  return tags;
}

export function matchesFilter(tags: readonly string[], wanted: Set<string>): boolean {
  return tags.some((t) => wanted.has(t));
}

/** Leaf hash = SHA-256(0x00 || UTF-8 canonical JSON {"entryHash","tags"}). */
export function auditLeafHash(entryHash: string, tags: readonly string[]): string {
  return leafHash(Buffer.from(canonicalJson({ entryHash, tags }), 'utf8'));
}
