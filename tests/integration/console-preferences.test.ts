// A user's time-zone preference against the real database: validated, stored, audited when it changes.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { db } from '@/lib/db';
import { getPreferences, updatePreferences, ZPreferences } from '@/lib/preferences/update-preferences';

afterAll(async () => {
  await db().$disconnect();
});

describe('time-zone preference', () => {
  it('defaults to UTC, accepts IANA zones only, and audits a change with both values', async () => {
    const u = await db().user.create({
      data: { email: `it-prefs-${randomUUID().slice(0, 8)}@callvault.test`, name: 'IT', role: 'AUDITOR' },
    });
    expect(await getPreferences(u)).toEqual({ timeZone: 'UTC' });
    expect(ZPreferences.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(ZPreferences.safeParse({ timeZone: 'UTC', theme: 'dark' }).success).toBe(false);
    expect(await updatePreferences(ZPreferences.parse({ timeZone: 'Europe/Berlin' }), u)).toEqual({ timeZone: 'Europe/Berlin' });
    await updatePreferences({ timeZone: 'Europe/Berlin' }, u); // unchanged: no second entry
    await flushAuditSequencer();
    const entries = await db().auditEntry.findMany({ where: { action: 'user.preferences_changed', subjectId: u.id } });
    expect(entries.map((e) => e.details)).toEqual([expect.objectContaining({ from: 'UTC', to: 'Europe/Berlin', user: u.email })]);
  });
});
