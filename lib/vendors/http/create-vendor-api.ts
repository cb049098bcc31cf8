// Wires one account's transport, token bucket, access token and retry policy into a VendorApi.
import { z } from 'zod';
import type { TVendorAccount } from '@/lib/vendors/types';
import { AccessToken, type TIssuedToken } from './access-token';
import { createTransport } from './open-request';
import { DEFAULT_RETRY_POLICY, type TRetryPolicy } from './retry-policy';
import { perMinute, TokenBucket } from '@/lib/rate-limit/token-bucket';
import { VendorApi, type TCall } from './vendor-api';
import { VendorError } from './vendor-error';

/** policy: retry/timeout bounds; pageSize: listing page size (vendor defaults otherwise). */
export type TClientOptions = { policy?: Partial<TRetryPolicy>; pageSize?: number };

export function createVendorApi(
  account: TVendorAccount,
  tokenCall: (account: TVendorAccount) => TCall,
  opts: TClientOptions = {},
): VendorApi {
  const policy = { ...DEFAULT_RETRY_POLICY, ...opts.policy };
  // Keyed by account: every process calling this account spends the same budget.
  const bucket = new TokenBucket(`vendor:${account.id}`, perMinute(account.requestsPerMinute));
  const token = new AccessToken(() => requestToken(api, tokenCall(account)));
  const api: VendorApi = new VendorApi(account, policy, createTransport(account), bucket, token);
  return api;
}

const ZTokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

async function requestToken(api: VendorApi, call: TCall): Promise<TIssuedToken> {
  let body: unknown;
  try {
    ({ body } = await api.json<unknown>(call));
  } catch (error) {
    const status = error instanceof VendorError ? error.details.status : undefined;
    if (status === 400 || status === 401 || status === 403) {
      throw new VendorError('auth_failed', `${api.account.id}: the token endpoint rejected the client credentials (HTTP ${status})`, {
        status,
        accountId: api.account.id,
      });
    }
    throw error;
  }
  const parsed = ZTokenResponse.safeParse(body);
  if (!parsed.success) throw new VendorError('bad_response', `${api.account.id}: token response without access_token/expires_in`);
  return { accessToken: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
}
