// One client per vendor account per process: the token, the token bucket and keep-alive sockets are shared
// by every job of that account in this process.
import { createCxoneClient } from './cxone/client';
import { createGenesysClient } from './genesys/client';
import type { TClientOptions } from './http/create-vendor-api';
import type { TVendorAccount, TVendorClient } from './types';

const clients = new Map<string, { account: TVendorAccount; client: TVendorClient }>();

export function createVendorClient(account: TVendorAccount, opts?: TClientOptions): TVendorClient {
  const cached = clients.get(account.id);
  // A changed account object (tests, config reload) gets a new client rather than stale credentials.
  if (cached && cached.account === account) return cached.client;
  const client = account.vendorSource === 'GENESYS_CLOUD' ? createGenesysClient(account, opts) : createCxoneClient(account, opts);
  clients.set(account.id, { account, client });
  return client;
}
