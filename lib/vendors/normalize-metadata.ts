// Vendor metadata → canonical compliance record. A missing or invalid mandatory field yields ok:false with the
// list of problems (the pipeline quarantines as INVALID_METADATA); no value is ever defaulted.
import { normalizeCxone } from './cxone/normalize';
import { CXONE_SCHEMA_VERSION } from './cxone/wire';
import { normalizeGenesys } from './genesys/normalize';
import { GENESYS_SCHEMA_VERSION } from './genesys/wire';
import type { TNormalizeResult, TRawMetadata, TVendor, TVendorAccount } from './types';

const NORMALIZERS: Record<TVendor, { schemaVersion: string; normalize: (payload: unknown) => TNormalizeResult }> = {
  GENESYS_CLOUD: { schemaVersion: GENESYS_SCHEMA_VERSION, normalize: normalizeGenesys },
  NICE_CXONE: { schemaVersion: CXONE_SCHEMA_VERSION, normalize: normalizeCxone },
};

export function normalizeMetadata(vendor: TVendor, raw: TRawMetadata, account: TVendorAccount): TNormalizeResult {
  if (account.vendorSource !== vendor) throw new Error(`Account ${account.id} is ${account.vendorSource}, not ${vendor}`);
  const normalizer = NORMALIZERS[vendor];
  if (raw.schemaVersion !== normalizer.schemaVersion) {
    const detail = `payload version "${raw.schemaVersion}" is not ${normalizer.schemaVersion}`;
    return { ok: false, problems: [{ field: 'rawVendorPayloadVersion', problem: 'invalid', detail }], partial: { vendorSource: vendor } };
  }
  return normalizer.normalize(raw.payload);
}
