// The demo's four vendor accounts. With SIM_SECRET_SEED set, every client id/secret and webhook secret is
// derived from it (HMAC), so a restarted simulator and an already-configured console still agree; without it
// they are random per start and the runner prints the VENDOR_ACCOUNTS value to use.
import { createHmac, randomBytes } from 'node:crypto';
import type { TSimAccount } from '../types';

function secretFor(seed: string | undefined, accountId: string, field: string): string {
  if (!seed) return randomBytes(18).toString('base64url');
  return createHmac('sha256', seed).update(`${accountId}:${field}`).digest('base64url').slice(0, 24);
}

function account(seed: string | undefined, id: string, name: string, instance: string, hmac: boolean): TSimAccount {
  return {
    id,
    name,
    instance,
    clientId: `sim-${secretFor(seed, id, 'client-id').slice(0, 12)}`,
    clientSecret: secretFor(seed, id, 'client-secret'),
    webhookBearerToken: secretFor(seed, id, 'webhook-bearer'),
    webhookHmacSecret: hmac ? secretFor(seed, id, 'webhook-hmac') : null,
  };
}

export function demoAccounts(seed: string | undefined): { genesys: TSimAccount[]; cxone: TSimAccount[] } {
  return {
    genesys: [
      account(seed, 'genesys-us', 'Genesys US (simulated)', 'mypurecloud.com', true),
      account(seed, 'genesys-eu', 'Genesys EU (simulated)', 'mypurecloud.ie', true),
    ],
    cxone: [
      account(seed, 'cxone-na1', 'CXone NA1 (simulated)', 'na1', false),
      account(seed, 'cxone-eu1', 'CXone EU1 (simulated)', 'eu1', true),
    ],
  };
}
