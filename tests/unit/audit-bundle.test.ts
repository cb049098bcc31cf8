// The bundle format end to end without a database: write, verify, and tamper with every byte.
import { describe, expect, it } from 'vitest';
import { LocalKeyProvider } from '@/lib/audit/local-key-provider';
import { verifyAuditBundle, type TBundleVerification } from '@/lib/audit/verify-audit-bundle';
import { bundleBytes, lineOf, localProvider, makeChain } from './audit-support';
import type { TAuditKeyProvider } from '@/lib/audit/key-provider';

async function verify(bytes: Buffer, provider: TAuditKeyProvider, chunk = 4096): Promise<TBundleVerification> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  return verifyAuditBundle(chunks(), { provider, batchSize: 4 });
}

function failure(result: TBundleVerification) {
  if (result.ok) throw new Error('expected the bundle to fail verification');
  return result;
}

describe('audit bundle', () => {
  it('verifies a freshly written bundle, whatever the chunking of the stream', async () => {
    const { provider } = localProvider(['k1']);
    const records = await makeChain(provider, 10);
    const { bytes, result } = await bundleBytes(records, provider);
    for (const chunk of [1, 7, 4096]) {
      const verified = await verify(bytes, provider, chunk);
      expect(verified).toMatchObject({ ok: true, entryCount: 10, firstSequence: '1', lastSequence: '10', gapCount: 0, keyIds: ['k1'], manifestHash: result.manifestHash });
    }
    expect(bytes.toString('utf8').split('\n')).toHaveLength(13); // header + 10 + manifest + final newline
  });

  it('fails on a change to any single byte and names the line that holds it', async () => {
    const { provider } = localProvider(['k1']);
    const records = await makeChain(provider, 3);
    const { bytes } = await bundleBytes(records, provider);
    for (let pos = 0; pos < bytes.length; pos++) {
      const tampered = Buffer.from(bytes);
      tampered[pos] = tampered[pos]! ^ (pos % 2 ? 0x01 : 0x20);
      const result = failure(await verify(tampered, provider));
      expect({ pos, line: result.line }).toEqual({ pos, line: lineOf(bytes, pos) });
    }
  }, 60_000);

  it('points at the entry, with its sequence and what failed', async () => {
    const { provider } = localProvider(['k1']);
    const records = await makeChain(provider, 5);
    const { bytes } = await bundleBytes(records, provider);
    const text = bytes.toString('utf8');
    const cases: [string, string, RegExp][] = [
      ['"i":2', '"i":9', /entryHash does not match/],
      [records[3]!.signature, records[3]!.signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')), /signature does not verify/],
      [records[3]!.entryHash + '","keyId', records[3]!.entryHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) + '","keyId', /entryHash does not match/],
    ];
    for (const [from, to, reason] of cases) {
      const result = failure(await verify(Buffer.from(text.replace(from, to)), provider));
      expect(result.part).toBe('entry');
      expect(result.message).toMatch(reason);
      expect(result.line).toBe(Number(result.sequence) + 1);
    }
    const dropped = text.split('\n').filter((_, i) => i !== 3).join('\n');
    expect(failure(await verify(Buffer.from(dropped), provider))).toMatchObject({ part: 'entry', line: 4, sequence: '4', code: 'gap' });
  });

  it('allows sequence gaps only in a filtered (scoped) bundle', async () => {
    const { provider } = localProvider(['k1']);
    const records = await makeChain(provider, 8);
    const subset = records.filter((r) => r.subjectId === 'genesys-cloud:rec-1');
    expect(subset.map((r) => r.sequence)).toEqual(['2', '6']);
    const scoped = await bundleBytes(subset, provider, { filtered: true, sequenceRange: { first: '1', last: '8' } });
    expect(await verify(scoped.bytes, provider)).toMatchObject({ ok: true, entryCount: 2, gapCount: 1, filtered: true });
    const unscoped = await bundleBytes(subset, provider, { filtered: false, sequenceRange: { first: '2', last: '6' } });
    expect(failure(await verify(unscoped.bytes, provider))).toMatchObject({ code: 'gap', sequence: '6', line: 3 });
  });

  it('verifies across a key rotation and says clearly which key is missing', async () => {
    const { provider: p1, keys } = localProvider(['k1', 'k2'], 'k1');
    const before = await makeChain(p1, 3);
    const p2 = new LocalKeyProvider(keys, 'k2');
    const after = await makeChain(p2, 3, before.at(-1)!);
    const { bytes } = await bundleBytes([...before, ...after], p2);
    expect(await verify(bytes, p2)).toMatchObject({ ok: true, keyIds: ['k1', 'k2'], manifestKeyId: 'k2' });
    const onlyK2 = new LocalKeyProvider(new Map([['k2', keys.get('k2')!]]), 'k2');
    expect(failure(await verify(bytes, onlyK2))).toMatchObject({ code: 'unknown_key', sequence: '1', line: 2, message: expect.stringContaining('"k1"') });
  });

  it('rejects truncation, trailing data, missing manifest and a wrong key', async () => {
    const { provider } = localProvider(['k1']);
    const { bytes } = await bundleBytes(await makeChain(provider, 4), provider);
    const lines = bytes.toString('utf8').split('\n');
    expect(failure(await verify(Buffer.from(lines.slice(0, 5).join('\n') + '\n'), provider))).toMatchObject({ part: 'file', code: 'truncated' });
    expect(failure(await verify(bytes.subarray(0, bytes.length - 1), provider))).toMatchObject({ part: 'manifest', line: 6 });
    expect(failure(await verify(Buffer.concat([bytes, Buffer.from('\n')]), provider))).toMatchObject({ part: 'file', code: 'trailing_data' });
    const cut = lines.slice(0, 5);
    cut[1] = cut[1]!.replace(/"signature":"(.)/, (_, c: string) => `"signature":"${c === 'a' ? 'b' : 'a'}`);
    const badFirst = cut.join('\n');
    expect(failure(await verify(Buffer.from(badFirst), provider))).toMatchObject({ code: 'signature', line: 2 });
    const { provider: other } = localProvider(['k1']);
    expect(failure(await verify(bytes, other))).toMatchObject({ code: 'signature', line: 2, sequence: '1' });
  });

  it('checks that a segment continues its predecessor', async () => {
    const { provider } = localProvider(['k1']);
    const records = await makeChain(provider, 6);
    const first = await bundleBytes(records.slice(0, 3), provider, { kind: 'segment', id: 's1' });
    expect(await verify(first.bytes, provider)).toMatchObject({ ok: true, kind: 'segment' });
    const link = { id: 's1', lastSequence: '3', lastHash: records[2]!.entryHash };
    const second = await bundleBytes(records.slice(3), provider, { kind: 'segment', id: 's2', previousSegment: link });
    expect(await verify(second.bytes, provider)).toMatchObject({ ok: true, firstSequence: '4' });
    const wrongLink = await bundleBytes(records.slice(3), provider, { kind: 'segment', id: 's2', previousSegment: { ...link, lastHash: records[1]!.entryHash } });
    expect(failure(await verify(wrongLink.bytes, provider))).toMatchObject({ code: 'link', sequence: '4', line: 2 });
    const notFromGenesis = await bundleBytes(records.slice(3), provider, { kind: 'segment', id: 's2' });
    expect(failure(await verify(notFromGenesis.bytes, provider))).toMatchObject({ code: 'link', sequence: '4' });
  });

  it('handles an empty export', async () => {
    const { provider } = localProvider(['k1']);
    const { bytes } = await bundleBytes([], provider);
    expect(await verify(bytes, provider)).toMatchObject({ ok: true, entryCount: 0, firstSequence: null, keyIds: [] });
  });
});
