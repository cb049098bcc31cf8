// VENDOR_ACCOUNTS from the environment into the VendorAccount table (non-secret fields only).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { syncVendorAccounts, vendorAccount, vendorAccounts } from '@/lib/vendors/accounts';

const original = process.env.VENDOR_ACCOUNTS;
const ids = ['it-accounts-genesys', 'it-accounts-cxone'];
const entries = [
  {
    id: ids[0],
    vendorSource: 'genesys-cloud',
    name: 'Genesys Dublin',
    instance: 'mypurecloud.ie',
    clientId: 'client-id',
    clientSecret: 'client-secret-value',
    webhookHmacSecret: 'h'.repeat(32),
  },
  {
    id: ids[1],
    vendorSource: 'nice-cxone',
    instance: 'na1',
    clientId: 'AKEY',
    clientSecret: 'access-key-secret',
    webhookBearerToken: 'b'.repeat(32),
  },
];

let othersEnabled: { id: string; enabled: boolean }[] = [];

beforeEach(async () => {
  othersEnabled = await db().vendorAccount.findMany({ where: { id: { notIn: ids } }, select: { id: true, enabled: true } });
});

afterEach(async () => {
  process.env.VENDOR_ACCOUNTS = original;
  await db().vendorAccount.deleteMany({ where: { id: { in: ids } } });
  // The sync disables every account it was not given: put other suites' rows back as they were.
  for (const row of othersEnabled) await db().vendorAccount.update({ where: { id: row.id }, data: { enabled: row.enabled } });
});

afterAll(async () => {
  await db().$disconnect();
});

describe('vendor accounts', () => {
  it('upserts configured accounts without secrets and disables ones no longer configured', async () => {
    process.env.VENDOR_ACCOUNTS = JSON.stringify(entries);
    await syncVendorAccounts();
    const rows = await db().vendorAccount.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.vendorSource, r.instance, r.residencyRegion, r.apiBaseUrl, r.enabled])).toEqual([
      [ids[1], 'NICE_CXONE', 'na1', 'us', 'https://api-na1.niceincontact.com', true],
      [ids[0], 'GENESYS_CLOUD', 'mypurecloud.ie', 'eu', 'https://api.mypurecloud.ie', true],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/secret|client-id|AKEY|hhhh|bbbb/);

    process.env.VENDOR_ACCOUNTS = JSON.stringify([entries[0]]);
    await syncVendorAccounts();
    const cxone = await db().vendorAccount.findUniqueOrThrow({ where: { id: ids[1] } });
    expect(cxone.enabled).toBe(false);
  });

  it('re-reads the variable when it changes, and 404s unknown ids', () => {
    process.env.VENDOR_ACCOUNTS = JSON.stringify([entries[0]]);
    expect(vendorAccounts().map((a) => a.id)).toEqual([ids[0]]);
    expect(vendorAccount(ids[0]!)).toBe(vendorAccounts()[0]);
    process.env.VENDOR_ACCOUNTS = JSON.stringify(entries);
    expect(vendorAccounts()).toHaveLength(2);
    expect(() => vendorAccount('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
