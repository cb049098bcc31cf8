// A user's own console preferences (today: the IANA time zone every time is shown in and date-time
// filters are read in). Changing it is the user's own business, but it is recorded with the old and new
// value so a report's times can be reconciled with what its author saw.
import { z } from 'zod';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import type { TUserRef } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { isTimeZone } from '@/lib/format/zoned-time';

export const ZPreferences = z
  .object({ timeZone: z.string().max(64).refine(isTimeZone, 'Unknown time zone (use an IANA name such as Europe/Berlin)') })
  .strict();

export type TPreferences = z.output<typeof ZPreferences>;

export async function getPreferences(user: Pick<TUserRef, 'id'>): Promise<TPreferences> {
  return db().user.findUniqueOrThrow({ where: { id: user.id }, select: { timeZone: true } });
}

export async function updatePreferences(input: TPreferences, user: Pick<TUserRef, 'id' | 'email'>): Promise<TPreferences> {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { timeZone: true } });
    const after = await tx.user.update({ where: { id: user.id }, data: { timeZone: input.timeZone }, select: { timeZone: true } });
    if (before.timeZone !== after.timeZone) {
      const details = { user: user.email, from: before.timeZone, to: after.timeZone };
      await appendAuditEntry(
        { actorType: 'user', actorId: user.id, action: 'user.preferences_changed', subjectType: 'user', subjectId: user.id, details },
        tx,
      );
    }
    return after;
  });
}
