// The fault-injection suite (scripts/proof) at its short sizes: its own database, bucket prefix, webhook and
// worker processes behind cuttable proxies, every scenario run and counted independently. Any accepted
// delivery lost, or any second stored version of a recording, fails the run.
import { describe, expect, it } from 'vitest';
import { formatTable, runProof } from '@/scripts/proof/run-proof';

describe('fault-injection suite (short)', () => {
  it('loses no accepted delivery and stores no duplicate version in any scenario', { timeout: 15 * 60_000 }, async () => {
    const postgresUrl = Object.assign(new URL(process.env.DATABASE_URL!), { pathname: '/postgres' }).toString();
    const redisDb = Number(new URL(process.env.REDIS_URL!).pathname.slice(1) || 0);
    const results = await runProof({ short: true, redisDb, postgresUrl, log: () => undefined });
    console.log(formatTable(results));
    expect(results.length).toBeGreaterThanOrEqual(8);
    for (const r of results)
      expect({ scenario: r.scenario, lost: r.lost, duplicateVersions: r.duplicateVersions, lostIds: r.lostIds }).toEqual({
        scenario: r.scenario,
        lost: 0,
        duplicateVersions: 0,
        lostIds: [],
      });
  });
});
