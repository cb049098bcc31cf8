import { describe, expect, it } from 'vitest';
import { AuditChainChecker } from '@/lib/audit/check-audit-chain';
import { GENESIS_HASH, hashAuditEntry } from '@/lib/audit/hash-audit-entry';
import { localProvider, makeChain } from './audit-support';

describe('AuditChainChecker', () => {
  it('accepts a chain checked in any batch sizes and counts it', async () => {
    const { provider } = localProvider(['k1']);
    const records = await makeChain(provider, 7);
    const checker = new AuditChainChecker(provider, { gapsAllowed: false, expectFirst: { sequence: '1', prevHash: GENESIS_HASH } });
    expect(await checker.checkBatch(records.slice(0, 2))).toBeNull();
    expect(await checker.checkBatch(records.slice(2))).toBeNull();
    expect(checker.count).toBe(7);
  });

  it('reports the first fault in sequence order even when a later one is found concurrently', async () => {
    const { provider } = localProvider(['k1']);
    const records = await makeChain(provider, 6);
    records[4] = { ...records[4]!, signature: 'f'.repeat(64) };
    records[2] = { ...records[2]!, actorId: 'intruder' };
    const checker = new AuditChainChecker(provider, { gapsAllowed: false });
    expect(await checker.checkBatch(records)).toMatchObject({ index: 2, fault: { code: 'hash', sequence: '3' } });
  });

  it('detects reordering, a forged genesis, a missing start and malformed fields', async () => {
    const { provider } = localProvider(['k1']);
    const records = await makeChain(provider, 4);
    expect(await new AuditChainChecker(provider, { gapsAllowed: true }).checkBatch([records[1]!, records[0]!])).toMatchObject({
      index: 1,
      fault: { code: 'order' },
    });
    expect(
      await new AuditChainChecker(provider, { gapsAllowed: false, expectFirst: { sequence: '1' } }).checkBatch(records.slice(1)),
    ).toMatchObject({ fault: { code: 'gap', sequence: '2' } });

    const forged = { ...records[0]!, prevHash: 'a'.repeat(64) };
    forged.entryHash = hashAuditEntry(forged);
    forged.signature = await provider.sign('k1', forged.entryHash);
    expect(await new AuditChainChecker(provider, { gapsAllowed: false }).checkBatch([forged])).toMatchObject({
      fault: { code: 'genesis' },
    });

    const bad = { ...records[0]!, occurredAt: '2026-01-01 00:00:00' };
    expect(await new AuditChainChecker(provider, { gapsAllowed: false }).checkBatch([bad])).toMatchObject({
      fault: { code: 'format', message: expect.stringContaining('occurredAt') },
    });
  });

  it('detects a re-signed entry whose link to its predecessor was rewritten', async () => {
    const { provider } = localProvider(['k1']);
    const records = await makeChain(provider, 3);
    const relinked = { ...records[2]!, prevHash: records[0]!.entryHash };
    relinked.entryHash = hashAuditEntry(relinked);
    relinked.signature = await provider.sign('k1', relinked.entryHash);
    const checker = new AuditChainChecker(provider, { gapsAllowed: false });
    expect(await checker.checkBatch([records[0]!, records[1]!, relinked])).toMatchObject({
      index: 2,
      fault: { code: 'link', sequence: '3' },
    });
  });
});
