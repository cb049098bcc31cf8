import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { hashAuditEntry, type TAuditHashed } from '@/lib/audit/hash-audit-entry';

describe('canonicalJson', () => {
  it('sorts keys at every level by UTF-16 code units and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined }, B: null })).toBe(
      '{"B":null,"a":{"d":[3,{"x":2,"y":1}]},"b":1}',
    );
  });

  it('writes numbers and strings the way JSON.stringify does (RFC 8785 for these inputs)', () => {
    expect(canonicalJson([1.5, -0, 1e21, 0.1 + 0.2, 'é\u2028"\\\n'])).toBe('[1.5,0,1e+21,0.30000000000000004,"é\u2028\\"\\\\\\n"]');
  });

  it('is stable across key insertion orders (as after a jsonb round trip)', () => {
    const a = { z: 1, a: { m: 'x', b: [1, 2] } };
    const b = JSON.parse('{"a":{"b":[1,2],"m":"x"},"z":1}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: 10n })).toThrow(/bigint/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('hashAuditEntry', () => {
  const entry: TAuditHashed = {
    sequence: '7',
    occurredAt: '2026-01-01T00:00:00.007Z',
    actorType: 'worker',
    actorId: 'w1',
    action: 'archive.stored',
    subjectType: 'recording',
    subjectId: 'genesys-cloud:rec-1',
    details: { b: 2, a: 1 },
    prevHash: 'a'.repeat(64),
  };

  it('covers exactly the hashed fields, whatever else the object carries', () => {
    const withExtras = { ...entry, entryHash: 'x', signature: 'y', keyId: 'k' } as TAuditHashed;
    expect(hashAuditEntry(withExtras)).toBe(hashAuditEntry(entry));
    expect(hashAuditEntry(entry)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any hashed field changes', () => {
    const base = hashAuditEntry(entry);
    for (const [field, value] of Object.entries({ sequence: '8', actorId: 'w2', prevHash: 'b'.repeat(64), details: { a: 1, b: 3 } })) {
      expect(hashAuditEntry({ ...entry, [field]: value })).not.toBe(base);
    }
  });
});
