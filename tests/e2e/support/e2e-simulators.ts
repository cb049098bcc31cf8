// Starts the Genesys and CXone simulators for an end-to-end run, on the ports and with the accounts the
// console and the archive worker were configured with (e2e-vendors.ts). A test worker that restarts after a
// failure starts them again: the port may still be closing for a moment, so binding is retried briefly.
import { isDeepStrictEqual } from 'node:util';
import { startCxoneSimulator } from '@/simulators/cxone/server';
import { startGenesysSimulator } from '@/simulators/genesys/server';
import type { TSimulator } from '@/simulators/types';
import { waitFor } from '@/tests/support/wait-for';
import { e2eSimAccounts, e2eSimulatorPorts, e2eVendorAccountsJson, type TE2eVendor } from './e2e-vendors';

export type TE2eSimulators = Record<TE2eVendor, TSimulator> & { consoleUrl: string; stop(): Promise<void> };

function bind(start: () => Promise<TSimulator>): Promise<TSimulator> {
  return waitFor(
    'the simulator port to be free',
    async () => {
      try {
        return await start();
      } catch (error) {
        if ((error as { code?: string }).code === 'EADDRINUSE') return null;
        throw error;
      }
    },
    5_000,
    250,
  );
}

export async function startE2eSimulators(consolePort: number): Promise<TE2eSimulators> {
  const ports = e2eSimulatorPorts(consolePort);
  const accounts = e2eSimAccounts();
  const genesys = await bind(() => startGenesysSimulator({ accounts: accounts.genesys, port: ports.genesys, host: '127.0.0.1' }));
  const cxone = await bind(() => startCxoneSimulator({ accounts: accounts.cxone, port: ports.cxone, host: '127.0.0.1' }));
  const started = [...genesys.vendorAccountsJson(), ...cxone.vendorAccountsJson()];
  if (!isDeepStrictEqual(started, e2eVendorAccountsJson(consolePort))) {
    await Promise.all([genesys.stop(), cxone.stop()]);
    throw new Error(
      "e2e simulators: VENDOR_ACCOUNTS given to the console differ from the simulators' accounts (update tests/e2e/support/e2e-vendors.ts)",
    );
  }
  return {
    genesys,
    cxone,
    consoleUrl: `http://127.0.0.1:${consolePort}`,
    stop: async () => void (await Promise.all([genesys.stop(), cxone.stop()])),
  };
}
