// Every audio recording of the conversations that started on one UTC day, for reconciliation: the analytics
// conversation details query for the day's interval (conversationStart in [day, day+1)), then each ended
// conversation's recording metadata — the same calls fallback polling makes, walked to the end.
import { encodeCursor } from '@/lib/vendors/http/cursor';
import { VendorError } from '@/lib/vendors/http/vendor-error';
import type { TListedRecording, TVendorClient } from '@/lib/vendors/types';
import type { TListCursor } from './wire';

const DAY_MS = 24 * 3600_000;

export async function listGenesysDayRecordings(client: TVendorClient, day: string, maxPages = 10_000): Promise<TListedRecording[]> {
  const from = new Date(`${day}T00:00:00.000Z`);
  const first: TListCursor = { v: 1, from: from.toISOString(), to: new Date(from.getTime() + DAY_MS).toISOString(), page: 1 };
  const found: TListedRecording[] = [];
  let cursor: string | null = encodeCursor(first);
  for (let pages = 0; cursor !== null; pages++) {
    if (pages >= maxPages)
      throw new VendorError('bad_response', `${client.account.id}: details query for ${day} did not end after ${maxPages} pages`);
    const page = await client.listRecordings({ cursor, updatedSince: null });
    found.push(...page.recordings);
    cursor = page.nextCursor;
  }
  return found;
}
