// Data residency follows the vendor instance: a Genesys region host or a CXone area. Firm mappings cannot be
// overridden (an EU org is EU data); a soft mapping is our default where a deployment may reasonably choose
// otherwise (Genesys Canada → 'us' unless the account says e.g. 'ca'). Unmapped instances need an explicit region.
import type { TVendor } from './types';

type TDerived = { region: string; firm: boolean };

const GENESYS: Record<string, TDerived> = {
  'mypurecloud.com': { region: 'us', firm: true },
  'use1.pure.cloud': { region: 'us', firm: true },
  'use2.us-gov-pure.cloud': { region: 'us', firm: true },
  'usw2.pure.cloud': { region: 'us', firm: true },
  'cac1.pure.cloud': { region: 'us', firm: false },
  'mypurecloud.ie': { region: 'eu', firm: true },
  'mypurecloud.de': { region: 'eu', firm: true },
  'euw2.pure.cloud': { region: 'eu', firm: true },
  'euc2.pure.cloud': { region: 'eu', firm: true },
};

const CXONE: Record<string, TDerived> = {
  na1: { region: 'us', firm: true },
  na2: { region: 'us', firm: true },
  eu1: { region: 'eu', firm: true },
  uk1: { region: 'eu', firm: true },
  au1: { region: 'au', firm: true },
};

export function deriveResidencyRegion(vendor: TVendor, instance: string): TDerived | null {
  const key = instance.trim().toLowerCase();
  return (vendor === 'GENESYS_CLOUD' ? GENESYS[key] : CXONE[key]) ?? null;
}

/** The account's region: derived from the instance, checked against an explicit value. Throws naming the account. */
export function resolveAccountRegion(account: { id: string; vendorSource: TVendor; instance: string; residencyRegion?: string }): string {
  const derived = deriveResidencyRegion(account.vendorSource, account.instance);
  const explicit = account.residencyRegion;
  if (!derived) {
    if (explicit) return explicit;
    throw new Error(
      `Vendor account "${account.id}": cannot derive a residency region from instance "${account.instance}"; set residencyRegion explicitly`,
    );
  }
  if (explicit && explicit !== derived.region && derived.firm) {
    throw new Error(
      `Vendor account "${account.id}": residencyRegion "${explicit}" disagrees with instance "${account.instance}", which is in region "${derived.region}"`,
    );
  }
  return explicit ?? derived.region;
}
