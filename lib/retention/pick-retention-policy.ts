// Which retention policy governs a recording: the policies whose matchTags meet the recording's compliance
// tags compete and the LONGEST window wins (keeping a record too long is a cost; deleting it too early is a
// violation). No match → the default policy; no policy at all → the deployment's RETENTION_DEFAULT_DAYS.
export type TPolicyCandidate = { id: string; name: string; retentionDays: number; matchTags: string[]; isDefault: boolean };

export type TRetentionChoice = { policyId: string | null; policyName: string; retentionDays: number; matchedTags: string[] };

export function pickRetentionPolicy(policies: TPolicyCandidate[], tags: string[], fallbackDays: number): TRetentionChoice {
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  const matches = policies
    .map((p) => ({ policy: p, matchedTags: p.matchTags.filter((t) => wanted.has(t.toLowerCase())) }))
    .filter((m) => m.matchedTags.length > 0)
    // Longest window first; the id breaks ties so the choice never depends on row order.
    .sort((a, b) => b.policy.retentionDays - a.policy.retentionDays || a.policy.id.localeCompare(b.policy.id));
  const best = matches[0];
  if (best)
    return {
      policyId: best.policy.id,
      policyName: best.policy.name,
      retentionDays: best.policy.retentionDays,
      matchedTags: best.matchedTags,
    };
  const fallback = policies.filter((p) => p.isDefault).sort((a, b) => b.retentionDays - a.retentionDays)[0];
  if (fallback) return { policyId: fallback.id, policyName: fallback.name, retentionDays: fallback.retentionDays, matchedTags: [] };
  return { policyId: null, policyName: 'deployment default (RETENTION_DEFAULT_DAYS)', retentionDays: fallbackDays, matchedTags: [] };
}
