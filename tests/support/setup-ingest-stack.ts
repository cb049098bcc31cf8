// The ingestion stack of an integration test file, started once per file: the Genesys and CXone simulators
// (only those the file asks for) as the configured vendor accounts, an empty Redis, optionally the real
// webhook route handlers behind a local HTTP server (`routes.url`), and the real workers; afterwards all of it is stopped and
// Redis emptied again. Call it at the top of a test file; hooks the file registers before it run before its
// start, those registered after it run after its start and before its teardown.
import { afterAll, beforeAll } from 'vitest';
import { POST as cxonePost } from '@/app/api/webhooks/cxone/route';
import { POST as genesysPost } from '@/app/api/webhooks/genesys/route';
import { startCxoneSimulator } from '@/simulators/cxone/server';
import { startGenesysSimulator } from '@/simulators/genesys/server';
import type { TSimulator, TSimulatorOptions } from '@/simulators/types';
import { startWorkers, type TWorkersHandle } from '@/workers/index';
import { resetRedis, setVendorAccounts, type TTestAccount } from './ingest-harness';
import { startRouteServer } from './start-route-server';

type TAccountJson = Record<string, unknown>;

export type TIngestStackOptions = {
  genesys?: TSimulatorOptions;
  cxone?: TSimulatorOptions;
  /** Sets each account's vendor API budget (calls a minute), e.g. far above what the test makes. */
  requestsPerMinute?: number;
  /** Adds to each simulator account's VENDOR_ACCOUNTS entry. */
  accountJson?: (account: TAccountJson) => TAccountJson;
  /** Serves the Genesys and CXone webhook routes. */
  routes?: boolean;
  workers: Parameters<typeof startWorkers>[0];
};

export type TIngestStack = {
  readonly genesys: TSimulator;
  readonly cxone: TSimulator;
  readonly routes: { url: string; stop(): Promise<void> };
  readonly workers: TWorkersHandle;
};

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not part of this ingestion stack, or is used before its beforeAll ran`);
  return value;
}

export function setupIngestStack(o: TIngestStackOptions): TIngestStack {
  let genesys: TSimulator | undefined;
  let cxone: TSimulator | undefined;
  let routes: { url: string; stop(): Promise<void> } | undefined;
  let workers: TWorkersHandle | undefined;

  beforeAll(async () => {
    if (o.genesys) genesys = await startGenesysSimulator(o.genesys);
    if (o.cxone) cxone = await startCxoneSimulator(o.cxone);
    const accounts = [...(genesys?.vendorAccountsJson() ?? []), ...(cxone?.vendorAccountsJson() ?? [])].map((a) => ({
      ...(o.accountJson ? o.accountJson(a) : a),
      ...(o.requestsPerMinute === undefined ? {} : { requestsPerMinute: o.requestsPerMinute }),
    }));
    setVendorAccounts(accounts as TTestAccount[]);
    await resetRedis();
    if (o.routes) routes = await startRouteServer({ '/api/webhooks/genesys': genesysPost, '/api/webhooks/cxone': cxonePost });
    workers = await startWorkers(o.workers);
  });
  afterAll(async () => {
    await routes?.stop();
    await resetRedis().catch(() => undefined);
    await workers?.close();
    await genesys?.stop();
    await cxone?.stop();
  });

  return {
    get genesys() {
      return started(genesys, 'the Genesys simulator');
    },
    get cxone() {
      return started(cxone, 'the CXone simulator');
    },
    get routes() {
      return started(routes, 'the webhook route server');
    },
    get workers() {
      return started(workers, 'the workers');
    },
  };
}
