// The vendor accounts of an end-to-end run: Genesys Cloud (US and EU orgs) and CXone (NA1) simulators on
// fixed ports next to the console's, so the console and the archive worker (started by playwright.config.ts
// before any test) and the simulators (started by the test worker, which adds recordings to them) agree on
// VENDOR_ACCOUNTS. Kept free of simulator imports: the Playwright config loads this file.
import { createHmac } from 'node:crypto';
import type { TSimAccount } from '@/simulators/types';

export type TE2eVendor = 'genesys' | 'cxone';

export const E2E_ACCOUNT_IDS = {
  genesys: { us: 'e2e-genesys-us', eu: 'e2e-genesys-eu' },
  cxone: { us: 'e2e-cxone-na1', eu: 'e2e-cxone-eu1' },
} as const;

/** Simulator ports: the console's port + 2 (Genesys) and + 3 (CXone); + 1 is the worker's metrics. */
export function e2eSimulatorPorts(consolePort: number): Record<TE2eVendor, number> {
  return { genesys: consolePort + 2, cxone: consolePort + 3 };
}

function secret(accountId: string, field: string): string {
  // Per checkout (NEXTAUTH_SECRET differs per slot), stable between the config and the test worker.
  return createHmac('sha256', process.env.NEXTAUTH_SECRET ?? 'e2e')
    .update(`${accountId}:${field}`)
    .digest('base64url')
    .slice(0, 32);
}

function account(id: string, instance: string, hmac: boolean): TSimAccount {
  return {
    id,
    name: `${id} (simulated)`,
    instance,
    clientId: `cli-${secret(id, 'client').slice(0, 12)}`,
    clientSecret: secret(id, 'secret'),
    webhookBearerToken: secret(id, 'bearer'),
    webhookHmacSecret: hmac ? secret(id, 'hmac') : null,
  };
}

export function e2eSimAccounts(): Record<TE2eVendor, TSimAccount[]> {
  const { genesys, cxone } = E2E_ACCOUNT_IDS;
  return {
    genesys: [account(genesys.us, 'mypurecloud.com', true), account(genesys.eu, 'mypurecloud.ie', true)],
    cxone: [account(cxone.us, 'na1', false), account(cxone.eu, 'eu1', true)],
  };
}

const AUTH_PATH: Record<TE2eVendor, string> = { genesys: '/oauth/token', cxone: '/authentication/v1/token/access-key' };

/** VENDOR_ACCOUNTS for the console and the worker; the simulators' own vendorAccountsJson() must equal it. */
export function e2eVendorAccountsJson(consolePort: number): Record<string, unknown>[] {
  const ports = e2eSimulatorPorts(consolePort);
  const accounts = e2eSimAccounts();
  return (['genesys', 'cxone'] as const).flatMap((vendor) =>
    accounts[vendor].map((a) => {
      const url = `http://127.0.0.1:${ports[vendor]}`;
      const { id, name, instance, clientId, clientSecret, webhookBearerToken, webhookHmacSecret } = a;
      return {
        id,
        name,
        instance,
        apiBaseUrl: url,
        authUrl: `${url}${AUTH_PATH[vendor]}`,
        clientId,
        clientSecret,
        requestsPerMinute: 600,
        webhookBearerToken,
        webhookHmacSecret,
        vendorSource: vendor === 'genesys' ? 'genesys-cloud' : 'nice-cxone',
      };
    }),
  );
}
