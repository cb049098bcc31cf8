// User administration against the real database: duplicates refused, every change audited (never
// the password), and the console never left without an enabled administrator.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';

async function user(role: TUserRef['role']): Promise<TUserRef> {
  const u = await db().user.create({ data: { email: `it-users-${randomUUID().slice(0, 8)}@callvault.test`, name: 'IT', role } });
  return { id: u.id, email: u.email, role: u.role };
}

afterAll(async () => {
  await db().$disconnect();
});

describe('user administration', () => {
  it('refuses a duplicate email and audits creation without the password', async () => {
    const email = `it-new-${randomUUID().slice(0, 8)}@callvault.test`;
    const admin = await user('ADMIN');
    const { id } = await createUser({ email, name: 'New', role: 'AUDITOR', password: 'a-very-secret-initial' }, admin);
    await expect(createUser({ email, name: 'Again', role: 'ADMIN', password: 'a-very-secret-initial' }, admin)).rejects.toMatchObject({
      code: 'conflict',
    });
    await flushAuditSequencer();
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'user.created', subjectId: id } });
    expect(entry.details).toMatchObject({ email, role: 'AUDITOR' });
    expect(JSON.stringify(entry.details)).not.toContain('a-very-secret-initial');
  });

  it('never leaves the console without an enabled administrator', async () => {
    // Only this test's admin stays enabled: disable the others for the duration (restored after).
    const others = await db().user.findMany({ where: { role: 'ADMIN', disabled: false }, select: { id: true } });
    await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabled: true } });
    try {
      const admin = await user('ADMIN');
      const bystander = await user('OFFICER');
      await db().user.update({ where: { id: bystander.id }, data: { role: 'ADMIN', disabled: true } });
      // The last enabled admin can be neither demoted nor disabled, by anyone.
      const actor = { ...bystander, role: 'ADMIN' as const };
      await expect(updateUser(admin.id, { role: 'OFFICER' }, actor)).rejects.toMatchObject({
        code: 'conflict',
        message: 'This is the last enabled administrator',
      });
      await expect(updateUser(admin.id, { disabled: true }, actor)).rejects.toMatchObject({
        code: 'conflict',
        message: 'This is the last enabled administrator',
      });
      await expect(updateUser(admin.id, { role: 'OFFICER' }, admin)).rejects.toMatchObject({
        code: 'conflict',
        message: 'You cannot change your own role or disable yourself',
      });
      await flushAuditSequencer();
      expect(await db().auditEntry.count({ where: { subjectId: admin.id } })).toBe(0);
      const second = await user('ADMIN');
      await updateUser(admin.id, { role: 'OFFICER' }, second);
      expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('OFFICER');
      await flushAuditSequencer();
      const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'user.role_changed', subjectId: admin.id } });
      expect(entry.details).toMatchObject({ from: 'ADMIN', to: 'OFFICER', by: second.email });
      await db().user.update({ where: { id: second.id }, data: { disabled: true } });
    } finally {
      await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabled: false } });
    }
  });

  it('keeps the regions given at creation, refuses regions this deployment does not serve, audits a regions change', async () => {
    const admin = await user('ADMIN');
    const email = `it-regions-${randomUUID().slice(0, 8)}@callvault.test`;
    const { id } = await createUser(
      { email, name: 'Regional', role: 'OFFICER', password: 'a-very-secret-initial', regions: ['eu'] },
      admin,
    );
    expect((await db().user.findUniqueOrThrow({ where: { id } })).regions).toEqual(['eu']);
    const typo = {
      email: `it-typo-${randomUUID().slice(0, 8)}@callvault.test`,
      name: 'Typo',
      role: 'OFFICER' as const,
      password: 'a-very-secret-initial',
      regions: ['ue'],
    };
    await expect(createUser(typo, admin)).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'regions' }] });
    expect(await db().user.count({ where: { email: typo.email } })).toBe(0);
    await expect(updateUser(id, { regions: ['us', 'mars'] }, admin)).rejects.toMatchObject({ code: 'unprocessable', status: 422 });
    expect((await db().user.findUniqueOrThrow({ where: { id } })).regions).toEqual(['eu']);
    await updateUser(id, { regions: ['us', 'eu'] }, admin);
    expect((await db().user.findUniqueOrThrow({ where: { id } })).regions).toEqual(['us', 'eu']);
    await flushAuditSequencer();
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'user.regions_changed', subjectId: id } });
    expect(entry.details).toMatchObject({ from: ['eu'], to: ['us', 'eu'], by: admin.email, email });
  });
});
