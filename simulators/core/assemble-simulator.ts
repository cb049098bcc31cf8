// The TSimulator object both vendor simulators return: the same state, fault and webhook plumbing around
// vendor-specific routes, account shapes and event bodies.
import { resolveAccountRegion } from '@/lib/vendors/derive-residency-region';
import type { TVendor, TVendorAccount } from '@/lib/vendors/types';
import type { TEmitOptions, TSimAccount, TSimRecording, TSimRecordingSpec, TSimulator, TSimulatorOptions } from '../types';
import { buildRecording } from './build-recording';
import { SimCore } from './sim-core';
import { startHttpServer, type TRoute } from './sim-http';
import { deliverEvents, type TOutgoingEvent } from './webhook-emitter';

export type TVendorParts = {
  vendor: 'genesys' | 'cxone';
  defaultAccounts: () => TSimAccount[];
  routes: (core: SimCore, baseUrl: () => string) => TRoute[];
  vendorSource: TVendor;
  /** Path of the vendor's token endpoint on the simulator. */
  authPath: string;
  events: (recordings: TSimRecording[], opts: TEmitOptions) => TOutgoingEvent[];
  checkSpec?: (spec: TSimRecordingSpec) => void;
};

function vendorAccount(parts: TVendorParts, a: TSimAccount, url: string): TVendorAccount {
  const { vendorSource } = parts;
  return {
    id: a.id,
    vendorSource,
    name: a.name,
    instance: a.instance,
    residencyRegion: resolveAccountRegion({ id: a.id, vendorSource, instance: a.instance }),
    apiBaseUrl: url,
    authUrl: `${url}${parts.authPath}`,
    clientId: a.clientId,
    clientSecret: a.clientSecret,
    tlsPins: [],
    requestsPerMinute: 6000,
    webhookBearerToken: a.webhookBearerToken,
    webhookHmacSecret: a.webhookHmacSecret,
  };
}

function accountJson(account: TVendorAccount): Record<string, unknown> {
  // The VENDOR_ACCOUNTS input shape: region is derived by the app, vendor given by its wire name.
  const { residencyRegion: _r, tlsPins: _p, vendorSource, ...rest } = account;
  return { ...rest, vendorSource: vendorSource === 'GENESYS_CLOUD' ? 'genesys-cloud' : 'nice-cxone', requestsPerMinute: 600 };
}

export async function assembleSimulator(parts: TVendorParts, opts: TSimulatorOptions): Promise<TSimulator> {
  const core = new SimCore(opts.accounts ?? parts.defaultAccounts(), opts.faults);
  let url = '';
  const server = await startHttpServer(
    parts.routes(core, () => url),
    core.requests,
    opts,
  );
  url = server.url;
  return {
    vendor: parts.vendor,
    url,
    accounts: core.accounts,
    faults: core.faults,
    requests: core.requests,
    vendorAccounts: () => core.accounts.map((a) => vendorAccount(parts, a, url)),
    vendorAccountsJson: () => core.accounts.map((a) => accountJson(vendorAccount(parts, a, url))),
    addRecording: (spec = {}) => {
      parts.checkSpec?.(spec);
      const rec = buildRecording(parts.vendor, core.account(spec.accountId), spec);
      core.recordings.set(rec.id, rec);
      return rec;
    },
    recordings: () => [...core.recordings.values()],
    recording: (id) => core.recordings.get(id),
    revokeTokens: () => core.revokeTokens(),
    downloadCount: (id) => core.downloadCount(id),
    downloadStarts: (id) => core.downloadStarts(id),
    emitWebhook: (rec, o) => deliverEvents(parts.events([rec], o), o),
    emitAll: (recs, o) => deliverEvents(parts.events(recs, o), o),
    stop: () => server.stop(),
  };
}
