// A simulated vendor account for tests, its secrets derived from its id. Webhooks authenticate with a bearer
// token, an HMAC signature or both, as the account says.
import type { TSimAccount } from '@/simulators/types';

export function simAccount(
  id: string,
  instance: string,
  auth: { bearer?: boolean; hmac?: boolean } = { bearer: true, hmac: true },
): TSimAccount {
  return {
    id,
    name: id,
    instance,
    clientId: `${id}-client`,
    clientSecret: `${id}-secret-0123456789`,
    webhookBearerToken: auth.bearer ? `${id}-bearer-0123456789` : null,
    webhookHmacSecret: auth.hmac ? `${id}-hmac-0123456789abcd` : null,
  };
}
