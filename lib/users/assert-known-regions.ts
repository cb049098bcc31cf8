// A user's residency regions must be ones this deployment serves: a typo ("ue") would otherwise give
// a user who silently sees nothing, or a region added later that nobody meant to grant.
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';

export function assertKnownRegions(regions: readonly string[]): void {
  const served = env().RESIDENCY_REGIONS;
  const unknown = regions.filter((r) => !served.includes(r));
  if (unknown.length > 0) {
    const message = `Unknown residency region ${unknown.join(', ')} (this deployment serves ${served.join(', ')})`;
    throw new AppError('unprocessable', message, [{ path: 'regions', message }]);
  }
}
