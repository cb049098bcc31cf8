// Server-side checks of a search filter that the shared schema cannot make: the region must be one this
// deployment stores, and a role that sees customer identifiers masked cannot filter by them (a filter is an
// oracle: result counts would reveal a number digit by digit).
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { PHONE_LIKE } from '@/lib/recordings/phone-needle';
import type { TSavedFilter } from '@/lib/recordings/search-filter';

export function assertSearchAllowed(filter: Pick<TSavedFilter, 'region' | 'customer' | 'q'>, masked: boolean): void {
  const regions = env().RESIDENCY_REGIONS;
  if (filter.region && !regions.includes(filter.region)) {
    throw new AppError('bad_request', `Unknown region "${filter.region}": this archive stores ${regions.join(', ')}`);
  }
  if (!masked) return;
  if (filter.customer) throw new AppError('forbidden', 'Customer identifiers are masked for your role, so you cannot search by them');
  if (filter.q && PHONE_LIKE.test(filter.q))
    throw new AppError('forbidden', 'Customer identifiers are masked for your role, so you cannot search for a phone number');
}
