// The start-up check of the console and the workers: every configuration problem at once — malformed values,
// rules between variables, and what only parsing shows (audit HMAC and signing keys and their active ids,
// vendor accounts, dial rules) — so an operator fixes the environment in one pass instead of one crash per variable.
import { createAuditKeyProvider } from '@/lib/audit/key-provider';
import { createSigningProvider } from '@/lib/audit/signing-provider';
import { configProblems, formatConfigProblems, parseEnv } from '@/lib/env';
import { parseVendorAccounts } from '@/lib/vendors/accounts';
import { parseDialRules } from '@/lib/vendors/residency';

function problemOf(check: () => unknown): string[] {
  try {
    check();
    return [];
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
}

/** Every problem of the configuration in `source` ([] = valid). */
export function listConfigProblems(source: Record<string, string | undefined> = process.env): string[] {
  const problems = configProblems(source);
  if (problems.length > 0) return problems;
  const config = parseEnv(source);
  return [
    ...problemOf(() => createAuditKeyProvider(config)),
    ...problemOf(() => createSigningProvider(config)),
    ...problemOf(() => parseVendorAccounts(config.VENDOR_ACCOUNTS, config.RESIDENCY_REGIONS)),
    ...problemOf(() => parseDialRules(config.RESIDENCY_DIAL_RULES)),
  ];
}

/** Throws one error naming every problem; called first by the console and the worker process. */
export function assertValidConfig(source: Record<string, string | undefined> = process.env): void {
  const problems = listConfigProblems(source);
  if (problems.length > 0) throw new Error(formatConfigProblems(problems));
}
