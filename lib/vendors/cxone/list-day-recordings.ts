// Every call contact of one UTC day, for reconciliation: completed contacts updated since the day's start
// (HAL _links.next followed to the end), kept when the contact started on that day. A contact updated later
// (e.g. a disposition edit) is still listed, because updatedSince is a lower bound only.
import { VendorError } from '@/lib/vendors/http/vendor-error';
import type { TListedRecording, TVendorClient } from '@/lib/vendors/types';

export async function listCxoneDayRecordings(client: TVendorClient, day: string, maxPages = 10_000): Promise<TListedRecording[]> {
  const since = new Date(`${day}T00:00:00.000Z`);
  const found = new Map<string, TListedRecording>();
  let cursor: string | null = null;
  for (let pages = 0; pages === 0 || cursor !== null; pages++) {
    if (pages >= maxPages)
      throw new VendorError('bad_response', `${client.account.id}: completed contacts for ${day} did not end after ${maxPages} pages`);
    const page = await client.listRecordings({ cursor, updatedSince: since });
    for (const r of page.recordings) if (r.interactionDate === day) found.set(r.vendorRecordingId, r);
    cursor = page.nextCursor;
  }
  return [...found.values()];
}
