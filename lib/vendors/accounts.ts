// Vendor accounts come from VENDOR_ACCOUNTS (JSON, secrets included) and are validated once per value: a bad
// entry stops start-up with a message naming the account. Only non-secret fields reach the database.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { db } from '@/lib/db';
import { env, envValue } from '@/lib/env';
import { AppError } from '@/lib/http/app-error';
import { resolveAccountRegion } from './derive-residency-region';
import type { TVendor, TVendorAccount } from './types';

const VENDORS: Record<string, TVendor> = {
  'genesys-cloud': 'GENESYS_CLOUD',
  GENESYS_CLOUD: 'GENESYS_CLOUD',
  'nice-cxone': 'NICE_CXONE',
  NICE_CXONE: 'NICE_CXONE',
};
const DEFAULT_RPM: Record<TVendor, number> = { GENESYS_CLOUD: 240, NICE_CXONE: 30 };
/** Header an EventBridge connection (authorization type API_KEY) is configured to send when none is named. */
export const DEFAULT_API_KEY_HEADER = 'x-callvault-api-key';
const LOCAL_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

const ZUrl = z
  .url()
  .refine((u) => u.startsWith('https://') || LOCAL_HTTP.test(u), 'must be https:// (plain http only for 127.0.0.1/localhost)');
const ZSecret = z.string().min(16, 'at least 16 characters').nullable().optional();

const ZAccountInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
  vendorSource: z.string().refine((v) => v in VENDORS, 'must be "genesys-cloud" or "nice-cxone"'),
  name: z.string().min(1).max(200).optional(),
  instance: z.string().regex(/^[a-z0-9.-]+$/i, 'a Genesys region host (mypurecloud.ie) or a CXone area (eu1)'),
  residencyRegion: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  apiBaseUrl: ZUrl.optional(),
  authUrl: ZUrl.optional(),
  mediaBaseUrl: ZUrl.optional(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  tlsPins: z.array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 SHA-256 (44 characters)')).default([]),
  tlsCaFile: z.string().min(1).optional(),
  requestsPerMinute: z.number().positive().max(100_000).optional(),
  webhookBearerToken: ZSecret,
  webhookHmacSecret: ZSecret,
  /** An API-key header for senders that cannot sign (EventBridge API destinations: API key auth). */
  webhookApiKey: ZSecret,
  webhookApiKeyHeader: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,100}$/, 'an HTTP header name')
    .refine((h) => h.toLowerCase() !== 'authorization', 'use webhookBearerToken for the Authorization header')
    .optional(),
});
type TAccountInput = z.infer<typeof ZAccountInput>;

function defaultUrls(vendor: TVendor, instance: string): Pick<TVendorAccount, 'apiBaseUrl' | 'authUrl'> & { mediaBaseUrl?: string } {
  if (vendor === 'GENESYS_CLOUD') return { apiBaseUrl: `https://api.${instance}`, authUrl: `https://login.${instance}/oauth/token` };
  return {
    apiBaseUrl: `https://api-${instance}.niceincontact.com`,
    authUrl: `https://${instance}.nice-incontact.com/authentication/v1/token/access-key`,
    mediaBaseUrl: `https://${instance}.nice-incontact.com`,
  };
}

function toAccount(input: TAccountInput, regions: readonly string[], readFile: (path: string) => string): TVendorAccount {
  const vendorSource = VENDORS[input.vendorSource] as TVendor;
  const residencyRegion = resolveAccountRegion({ ...input, vendorSource });
  if (!regions.includes(residencyRegion)) {
    throw new Error(
      `Vendor account "${input.id}": region "${residencyRegion}" is not served by this deployment (RESIDENCY_REGIONS=${regions.join(',')})`,
    );
  }
  const urls = defaultUrls(vendorSource, input.instance);
  const mediaBaseUrl = input.mediaBaseUrl ?? (input.apiBaseUrl ? undefined : urls.mediaBaseUrl);
  return {
    id: input.id,
    vendorSource,
    name: input.name ?? input.id,
    instance: input.instance.toLowerCase(),
    residencyRegion,
    apiBaseUrl: input.apiBaseUrl ?? urls.apiBaseUrl,
    authUrl: input.authUrl ?? urls.authUrl,
    ...(mediaBaseUrl ? { mediaBaseUrl } : {}),
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    tlsPins: input.tlsPins,
    ...(input.tlsCaFile ? { tlsCaPem: readFile(input.tlsCaFile) } : {}),
    requestsPerMinute: input.requestsPerMinute ?? DEFAULT_RPM[vendorSource],
    webhookBearerToken: input.webhookBearerToken ?? null,
    webhookHmacSecret: input.webhookHmacSecret ?? null,
    webhookApiKey: input.webhookApiKey
      ? { header: (input.webhookApiKeyHeader ?? DEFAULT_API_KEY_HEADER).toLowerCase(), value: input.webhookApiKey }
      : null,
  };
}

function describeIssue(entries: unknown, issue: z.core.$ZodIssue): string {
  const index = typeof issue.path[0] === 'number' ? issue.path[0] : null;
  const id = index !== null && Array.isArray(entries) ? (entries[index] as { id?: unknown } | undefined)?.id : undefined;
  const who = index === null ? '' : `account ${typeof id === 'string' ? `"${id}"` : `#${index}`} `;
  return `Invalid VENDOR_ACCOUNTS: ${who}${issue.path.slice(1).join('.') || '(entry)'}: ${issue.message}`;
}

/** Parses and validates a VENDOR_ACCOUNTS value (exported for tests and the simulators). */
export function parseVendorAccounts(
  json: string | undefined,
  regions: readonly string[],
  readFile = (p: string) => readFileSync(p, 'utf8'),
): TVendorAccount[] {
  if (!json || json.trim() === '') return [];
  let entries: unknown;
  try {
    entries = JSON.parse(json);
  } catch {
    throw new Error('Invalid VENDOR_ACCOUNTS: not valid JSON');
  }
  const parsed = z.array(ZAccountInput).safeParse(entries);
  if (!parsed.success) throw new Error(describeIssue(entries, parsed.error.issues[0] as z.core.$ZodIssue));
  const accounts = parsed.data.map((input) => toAccount(input, regions, readFile));
  const duplicate = accounts.find((a, i) => accounts.findIndex((b) => b.id === a.id) !== i);
  if (duplicate) throw new Error(`Invalid VENDOR_ACCOUNTS: account id "${duplicate.id}" appears twice`);
  return accounts;
}

let cached: { raw: string | undefined; accounts: TVendorAccount[] } | null = null;

/** The configured accounts; re-parsed only when VENDOR_ACCOUNTS changes. */
export function vendorAccounts(): TVendorAccount[] {
  const raw = envValue('VENDOR_ACCOUNTS');
  if (!cached || cached.raw !== raw) cached = { raw, accounts: parseVendorAccounts(raw, env().RESIDENCY_REGIONS) };
  return cached.accounts;
}

export function vendorAccount(id: string): TVendorAccount {
  const account = vendorAccounts().find((a) => a.id === id);
  if (!account) throw new AppError('not_found', `Unknown vendor account: ${id}`);
  return account;
}

/** Upserts the non-secret fields of every configured account; accounts no longer configured are disabled. */
export async function syncVendorAccounts(): Promise<void> {
  const accounts = vendorAccounts();
  await db().$transaction(async (tx) => {
    for (const a of accounts) {
      const fields = {
        vendorSource: a.vendorSource,
        name: a.name,
        instance: a.instance,
        residencyRegion: a.residencyRegion,
        apiBaseUrl: a.apiBaseUrl,
        enabled: true,
      };
      await tx.vendorAccount.upsert({ where: { id: a.id }, create: { id: a.id, ...fields }, update: fields });
    }
    await tx.vendorAccount.updateMany({ where: { id: { notIn: accounts.map((a) => a.id) } }, data: { enabled: false } });
  });
}
