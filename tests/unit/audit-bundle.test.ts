// The bundle format end to end without a database: write, verify with public keys only, and tamper.
import { describe, expect, it } from 'vitest';
import { manifestDigest, type TManifestLine } from '@/lib/audit/bundle-format';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { hashAuditEntry, type TAuditRecord } from '@/lib/audit/hash-audit-entry';
import { entryTags } from '@/lib/audit/merkle-leaf';
import type { TPublishedKey } from '@/lib/audit/signing-keys';
import { verifyAuditBundle, type TBundleVerification } from '@/lib/audit/verify-audit-bundle';
import { anchorFor, bundleBytes, lineOf, localProvider, localSigner, makeChain } from './audit-support';

async function verify(bytes: Buffer, publicKeys: TPublishedKey[], chunk = 4096): Promise<TBundleVerification> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  return verifyAuditBundle(chunks(), { publicKeys, batchSize: 4 });
}

function failure(result: TBundleVerification) {
  if (result.ok) throw new Error('expected the bundle to fail verification');
  return result;
}

const range = (records: TAuditRecord[]) => ({ first: records[0]!.sequence, last: records.at(-1)!.sequence });
const recordingFilter = (id: string) => ({ subjects: [{ subjectType: 'recording', subjectIds: [id] }], details: [] });

describe('audit bundle', () => {
  it('verifies a freshly written bundle with public keys only, whatever the chunking of the stream', async () => {
    const { provider } = localProvider(['k1']);
    const { signer, publicKeys } = localSigner();
    const chain = await makeChain(provider, 10);
    const part = chain.slice(3, 8);
    const { bytes, result } = await bundleBytes(part, signer, { anchor: await anchorFor(chain, range(part), signer, 2) });
    for (const chunk of [1, 7, 4096]) {
      const verified = await verify(bytes, publicKeys, chunk);
      expect(verified).toMatchObject({
        ok: true,
        entryCount: 5,
        firstSequence: '4',
        lastSequence: '8',
        chainLinks: 4,
        manifestHash: result.manifestHash,
        inclusion: { id: 'cp-10', treeSize: '10' },
        consistency: { from: { treeSize: '2' }, to: { treeSize: '10' } },
        entrySignaturesChecked: false,
      });
    }
    const ok = await verify(bytes, publicKeys);
    expect(ok.ok && ok.signatures.map((s) => [s.signed, s.keyId, s.fingerprint])).toEqual([
      ['manifest', 's1', publicKeys[0]!.fingerprint],
      ['checkpoint', 's1', publicKeys[0]!.fingerprint],
      ['previousCheckpoint', 's1', publicKeys[0]!.fingerprint],
    ]);
  });

  it('fails on a change to any single byte and names the line that holds it', async () => {
    const { provider } = localProvider(['k1']);
    const { signer, publicKeys } = localSigner();
    const chain = await makeChain(provider, 3);
    const { bytes } = await bundleBytes(chain, signer, { anchor: await anchorFor(chain, range(chain), signer) });
    for (let pos = 0; pos < bytes.length; pos++) {
      const tampered = Buffer.from(bytes);
      tampered[pos] = tampered[pos]! ^ (pos % 2 ? 0x01 : 0x20);
      const result = failure(await verify(tampered, publicKeys));
      // An entry's internal HMAC fields (signature, keyId) need a secret to check: the manifest's
      // content hash catches those bytes instead of the entry's own line.
      const internal = result.part === 'manifest' && /contentSha256|keyIds/.test(result.message);
      expect({ pos, line: internal ? lineOf(bytes, pos) : result.line }).toEqual({ pos, line: lineOf(bytes, pos) });
    }
  }, 120_000);

  it('rejects a forgery re-chained and re-signed with every key an outsider can hold', async () => {
    const { provider } = localProvider(['k1']);
    const { signer, publicKeys } = localSigner();
    const chain = await makeChain(provider, 6);
    const anchor = await anchorFor(chain, range(chain), signer);
    // The forger rewrites entry 3, re-chains 3..6 and re-signs each entry with the HMAC key they hold.
    const forged = [...chain.slice(0, 2)];
    for (const r of chain.slice(2)) {
      const content = { ...r, prevHash: forged.at(-1)!.entryHash, details: r.sequence === '3' ? { reason: 'forged' } : r.details };
      const entryHash = hashAuditEntry(content);
      forged.push({ ...content, entryHash, signature: await provider.sign('k1', entryHash) });
    }
    // Their own Ed25519 key, even under the genuine key id, with their own checkpoint: the signature fails.
    const impostor = localSigner(['s1']);
    const reSigned = await bundleBytes(forged, impostor.signer, { anchor: await anchorFor(forged, range(forged), impostor.signer) });
    expect(failure(await verify(reSigned.bytes, publicKeys))).toMatchObject({ part: 'manifest', code: 'signature' });
    // Even a manifest key that the verifier trusted cannot move entries under an earlier genuine checkpoint.
    const evil = localSigner(['evil']);
    const own = await bundleBytes(forged, evil.signer, { anchor: await anchorFor(forged, range(forged), evil.signer) });
    const lines = own.bytes.toString('utf8').split('\n');
    const manifestLine = JSON.parse(lines.at(-2)!) as TManifestLine;
    const manifest = { ...manifestLine.manifest, checkpoint: anchor.checkpoint, proof: anchor.proof };
    const manifestHash = manifestDigest(manifest);
    const { keyId, signature } = await evil.signer.sign('manifest', manifestHash, new Date(manifest.createdAt));
    lines[lines.length - 2] = canonicalJson({ type: 'manifest', manifest, manifestHash, keyId, signature });
    const result = failure(await verify(Buffer.from(lines.join('\n')), [...publicKeys, ...evil.publicKeys]));
    expect(result).toMatchObject({ part: 'manifest', code: 'inclusion' });
    // Our own writer refuses to produce it at all.
    await expect(bundleBytes(forged, signer, { anchor })).rejects.toThrow(/does not rebuild/);
  });

  it('proves a filtered export complete: genuine passes, a withheld or dropped entry fails', async () => {
    const { provider } = localProvider(['k1']);
    const { signer, publicKeys } = localSigner();
    const chain = await makeChain(provider, 12);
    const part = chain.slice(1, 10); // sequences 2..10
    const filter = recordingFilter('genesys-cloud:rec-1'); // sequences 2, 6, 10
    const { bytes } = await bundleBytes(part, signer, {
      description: { filtered: true, filter },
      anchor: await anchorFor(chain, range(part), signer),
    });
    expect(await verify(bytes, publicKeys)).toMatchObject({
      ok: true,
      entryCount: 3,
      leafCount: 6,
      filtered: true,
      inclusion: { treeSize: '12' },
    });
    const lines = bytes.toString('utf8').split('\n');
    expect(lines.filter((l) => l.includes('"type":"leaf"'))).toHaveLength(6);
    expect(lines[1]).not.toContain('"type":"leaf"');
    // Dropping the matching entry of sequence 6 (line 6) leaves a hole in the range.
    const dropped = lines.filter((_, i) => i !== 5).join('\n');
    expect(failure(await verify(Buffer.from(dropped), publicKeys))).toMatchObject({ code: 'completeness', sequence: '7', line: 6 });
    // Withholding it as a leaf line: with its true tags the verifier sees it is in scope; with tags
    // claiming another recording the leaf no longer matches the checkpoint.
    const entry6 = chain[5]!;
    const asLeaf = (tags: string[]) => canonicalJson({ type: 'leaf', sequence: '6', entryHash: entry6.entryHash, tags });
    const honest = lines.map((l, i) => (i === 5 ? asLeaf(entryTags(entry6)) : l)).join('\n');
    expect(failure(await verify(Buffer.from(honest), publicKeys))).toMatchObject({ code: 'completeness', sequence: '6', line: 6 });
    const relabelled = lines.map((l, i) => (i === 5 ? asLeaf(entryTags(chain[4]!)) : l)).join('\n');
    expect(failure(await verify(Buffer.from(relabelled), publicKeys))).toMatchObject({ part: 'manifest' });
  });

  it('needs the checkpoint for an export, and rejects a checkpoint that does not extend the previous one', async () => {
    const { provider } = localProvider(['k1']);
    const { signer, publicKeys } = localSigner();
    const chain = await makeChain(provider, 5);
    const bare = await bundleBytes(chain, signer);
    expect(failure(await verify(bare.bytes, publicKeys))).toMatchObject({ part: 'manifest', code: 'inclusion' });
    const other = await makeChain(provider, 5, null, (i) => ({ other: i }));
    const anchor = await anchorFor(chain, range(chain), signer, 3);
    const rewritten = await anchorFor(other, range(other), signer, 3);
    const mixed = { ...anchor, previous: rewritten.previous, proof: { ...anchor.proof, consistency: rewritten.proof.consistency } };
    const { bytes } = await bundleBytes(chain, signer, { anchor: mixed });
    expect(failure(await verify(bytes, publicKeys))).toMatchObject({ part: 'manifest', code: 'consistency' });
  });

  it('verifies across a key rotation, and rejects a signature outside its key validity', async () => {
    const { provider } = localProvider(['k1']);
    const validity = {
      old: { validFrom: '2020-01-01T00:00:00Z', validUntil: '2026-01-01T18:00:00Z' },
      new: { validFrom: '2026-01-01T18:00:00Z' },
    };
    const chain = await makeChain(provider, 4);
    const auto = localSigner(['old', 'new'], undefined, validity);
    const cp = await anchorFor(chain, range(chain), auto.signer);
    const good = await bundleBytes(chain, auto.signer, { anchor: cp });
    const ok = await verify(good.bytes, auto.publicKeys);
    expect(ok.ok && ok.signatures.map((s) => [s.signed, s.keyId])).toEqual([
      ['manifest', 'new'],
      ['checkpoint', 'old'],
    ]);
    expect(
      failure(
        await verify(
          good.bytes,
          auto.publicKeys.filter((k) => k.keyId === 'new'),
        ),
      ),
    ).toMatchObject({ code: 'unknown_key', message: expect.stringContaining('"old"') });
    const stretched = auto.publicKeys.map((k) => (k.keyId === 'new' ? { ...k, validFrom: '2026-06-01T00:00:00.000Z' } : k));
    expect(failure(await verify(good.bytes, stretched))).toMatchObject({ code: 'key_validity' });
  });

  it('rejects truncation and trailing data', async () => {
    const { provider } = localProvider(['k1']);
    const { signer, publicKeys } = localSigner();
    const chain = await makeChain(provider, 4);
    const { bytes } = await bundleBytes(chain, signer, { anchor: await anchorFor(chain, range(chain), signer) });
    const lines = bytes.toString('utf8').split('\n');
    expect(failure(await verify(Buffer.from(lines.slice(0, 5).join('\n') + '\n'), publicKeys))).toMatchObject({
      part: 'file',
      code: 'truncated',
    });
    expect(failure(await verify(bytes.subarray(0, bytes.length - 1), publicKeys))).toMatchObject({ part: 'manifest', line: 6 });
    expect(failure(await verify(Buffer.concat([bytes, Buffer.from('\n')]), publicKeys))).toMatchObject({
      part: 'file',
      code: 'trailing_data',
    });
  });

  it('checks that a segment continues its predecessor', async () => {
    const { provider } = localProvider(['k1']);
    const { signer, publicKeys } = localSigner();
    const records = await makeChain(provider, 6);
    const first = await bundleBytes(records.slice(0, 3), signer, { description: { kind: 'segment', id: 's1' } });
    expect(await verify(first.bytes, publicKeys)).toMatchObject({ ok: true, kind: 'segment', inclusion: null });
    const link = { id: 's1', lastSequence: '3', lastHash: records[2]!.entryHash };
    const second = await bundleBytes(records.slice(3), signer, { description: { kind: 'segment', id: 's2', previousSegment: link } });
    expect(await verify(second.bytes, publicKeys)).toMatchObject({ ok: true, firstSequence: '4' });
    const wrongLink = await bundleBytes(records.slice(3), signer, {
      description: { kind: 'segment', id: 's2', previousSegment: { ...link, lastHash: records[1]!.entryHash } },
    });
    expect(failure(await verify(wrongLink.bytes, publicKeys))).toMatchObject({ code: 'link', sequence: '4', line: 2 });
  });

  it('handles an empty export', async () => {
    const { signer, publicKeys } = localSigner();
    const { bytes } = await bundleBytes([], signer);
    expect(await verify(bytes, publicKeys)).toMatchObject({ ok: true, entryCount: 0, firstSequence: null, keyIds: [] });
  });
});
