// Step 3: the recording's residency region (vendor instance, confirmed or contradicted by dial-in number
// rules) and whether this deployment may store it at all. Decided before any byte is downloaded.
import { env } from '@/lib/env';
import { residencyForRecording } from '@/lib/vendors/residency';
import type { TCanonicalRecording, TVendorAccount } from '@/lib/vendors/types';

export type TRegionDecision = { ok: true; region: string } | { ok: false; region: string; evidence: Record<string, unknown> };

export function recordingRegion(account: TVendorAccount, record: TCanonicalRecording): TRegionDecision {
  const decision = residencyForRecording(account, record);
  const allowedRegions = env().RESIDENCY_REGIONS;
  const base = { region: decision.region, reasons: decision.reasons, vendorInstance: account.instance, allowedRegions };
  if (decision.conflict) return { ok: false, region: decision.region, evidence: { ...base, problem: decision.conflict } };
  if (!allowedRegions.includes(decision.region)) {
    return {
      ok: false,
      region: decision.region,
      evidence: { ...base, problem: `region ${decision.region} has no bucket in this deployment` },
    };
  }
  return { ok: true, region: decision.region };
}
