// The shell recipe docs/for-auditors.md gives for checking a masked detail by hand (bash and coreutils, the
// salt as hex from the console) computes the same commitment the audit writer stores.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commitFreeText, newFreeTextSalt } from '@/lib/audit/commit-free-text';

/** The recipe's last line, read from the document so the test checks what auditors are told. */
function recipe(): string {
  const doc = readFileSync('docs/for-auditors.md', 'utf8');
  const line = doc.split('\n').find((l) => l.includes('| sha256sum') && l.includes('SALT_HEX'));
  if (!line) throw new Error('docs/for-auditors.md: no commitment recipe found');
  return line;
}

describe('the auditors’ commitment recipe', () => {
  it.each([
    'caller +15551498897, callback on (555) 149-8897',
    'Beschwerde von +49 30 1234567 – Rückruf % \\n 100%',
    '["vip","+1 555 149 8897"]',
  ])('gives the stored commitment for %s', (original) => {
    // Bytes a shell mangles most easily (NUL, newline, "%", "\\") in a fixed salt, and some random ones.
    const awkward = Buffer.from(Array.from({ length: 32 }, (_, i) => [0x00, 0x0a, 0x25, 0x5c, 0xff][i % 5]!));
    for (const salt of [awkward, ...Array.from({ length: 4 }, newFreeTextSalt)]) {
      const out = execFileSync('bash', ['--norc', '--noprofile', '-c', recipe()], {
        env: { ...process.env, SALT_HEX: salt.toString('hex'), ORIGINAL: original },
      });
      expect(out.toString().split(' ')[0]).toBe(commitFreeText(salt, original));
    }
  });
});
