// Compares lifecycle rules as the store reads them back with the rules we asked for. Stores differ in
// shape (RGW returns a prefix-only filter as the legacy top-level Prefix and sorts rules by ID), so both
// sides are reduced to the fields that decide what happens to an object.
import type { LifecycleRule } from '@aws-sdk/client-s3';

function normalize(rule: LifecycleRule) {
  const filter = rule.Filter;
  const tags = filter?.Tag ? [filter.Tag] : (filter?.And?.Tags ?? []);
  return {
    id: rule.ID ?? '',
    status: rule.Status,
    prefix: filter?.Prefix ?? filter?.And?.Prefix ?? rule.Prefix ?? '',
    tags: tags.map((t) => `${t.Key}=${t.Value}`).sort(),
    transitions: (rule.Transitions ?? []).map((t) => `${t.Days ?? ''}:${t.StorageClass ?? ''}`),
    expirationDays: rule.Expiration?.Days ?? null,
    noncurrentDays: rule.NoncurrentVersionExpiration?.NoncurrentDays ?? null,
    abortDays: rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation ?? null,
  };
}

const canonical = (rules: LifecycleRule[]) => JSON.stringify(rules.map(normalize).sort((a, b) => a.id.localeCompare(b.id)));

export function sameLifecycle(current: LifecycleRule[], wanted: LifecycleRule[]): boolean {
  return canonical(current) === canonical(wanted);
}
