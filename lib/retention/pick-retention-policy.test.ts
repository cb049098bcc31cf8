import { describe, expect, it } from 'vitest';
import { pickRetentionPolicy, type TPolicyCandidate } from '@/lib/retention/pick-retention-policy';

const policies: TPolicyCandidate[] = [
  { id: 'finra-4511-6y', name: 'FINRA', retentionDays: 2190, matchTags: ['finra-retention-6yr'], isDefault: true },
  { id: 'hipaa-6y', name: 'HIPAA', retentionDays: 2190, matchTags: ['hipaa', 'phi'], isDefault: false },
  { id: 'mifid-7y', name: 'MiFID II', retentionDays: 2555, matchTags: ['mifid-ii'], isDefault: false },
];

describe('pickRetentionPolicy', () => {
  it('takes the longest window among the policies whose tags match', () => {
    const choice = pickRetentionPolicy(policies, ['pci-scoped', 'PHI', 'mifid-ii'], 100);
    expect(choice).toMatchObject({ policyId: 'mifid-7y', retentionDays: 2555, matchedTags: ['mifid-ii'] });
  });

  it('breaks a tie between equal windows deterministically, whatever the row order', () => {
    const tags = ['finra-retention-6yr', 'hipaa'];
    expect(pickRetentionPolicy(policies, tags, 100).policyId).toBe('finra-4511-6y');
    expect(pickRetentionPolicy([...policies].reverse(), tags, 100).policyId).toBe('finra-4511-6y');
  });

  it('falls back to the default policy, then to the deployment default', () => {
    expect(pickRetentionPolicy(policies, ['pci-scoped'], 100)).toMatchObject({
      policyId: 'finra-4511-6y',
      retentionDays: 2190,
      matchedTags: [],
    });
    expect(pickRetentionPolicy([], ['pci-scoped'], 100)).toMatchObject({ policyId: null, retentionDays: 100 });
  });
});
