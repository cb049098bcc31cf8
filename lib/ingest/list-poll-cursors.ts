// Poll cursors per vendor account for the console's operations page (where each account's fallback poll stands).
import { db } from '@/lib/db';

export type TPollCursorView = {
  vendorAccountId: string;
  vendorSource: 'GENESYS_CLOUD' | 'NICE_CXONE';
  accountName: string;
  enabled: boolean;
  /** Opaque vendor cursor; non-null means a walk is in progress (resumes from here). */
  cursor: string | null;
  updatedSince: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  listedCount: number;
  enqueuedCount: number;
};

export async function listPollCursors(): Promise<TPollCursorView[]> {
  const accounts = await db().vendorAccount.findMany({ include: { pollCursor: true }, orderBy: { id: 'asc' } });
  return accounts.map((a) => ({
    vendorAccountId: a.id,
    vendorSource: a.vendorSource,
    accountName: a.name,
    enabled: a.enabled,
    cursor: a.pollCursor?.cursor ?? null,
    updatedSince: a.pollCursor?.updatedSince?.toISOString() ?? null,
    lastPolledAt: a.pollCursor?.lastPolledAt?.toISOString() ?? null,
    lastSuccessAt: a.pollCursor?.lastSuccessAt?.toISOString() ?? null,
    lastError: a.pollCursor?.lastError ?? null,
    listedCount: a.pollCursor?.listedCount ?? 0,
    enqueuedCount: a.pollCursor?.enqueuedCount ?? 0,
  }));
}
