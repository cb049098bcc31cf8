// The vendor side of a reconciliation: every recording the account's vendor lists for one UTC day.
import { createVendorClient } from '@/lib/vendors/create-vendor-client';
import { listCxoneDayRecordings } from '@/lib/vendors/cxone/list-day-recordings';
import { listGenesysDayRecordings } from '@/lib/vendors/genesys/list-day-recordings';
import type { TListedRecording, TVendorAccount } from '@/lib/vendors/types';

export async function listVendorDay(account: TVendorAccount, day: string): Promise<TListedRecording[]> {
  const client = createVendorClient(account);
  const listed =
    account.vendorSource === 'GENESYS_CLOUD' ? await listGenesysDayRecordings(client, day) : await listCxoneDayRecordings(client, day);
  // A listing that repeats an id (pages shifting under a live listing) must not count it twice.
  return [...new Map(listed.map((r) => [r.vendorRecordingId, r])).values()];
}
