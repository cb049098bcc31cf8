// The object tag that ties a stored recording version to its retention policy's lifecycle rule.
import { DEFAULT_RETENTION_TAG_VALUE, RETENTION_TAG } from '@/lib/storage/lifecycle-rules';

export function retentionTag(policyId: string | null): { Key: string; Value: string } {
  return { Key: RETENTION_TAG, Value: policyId ?? DEFAULT_RETENTION_TAG_VALUE };
}
