// Residency of one recording: the vendor instance decides the region; customer dial-in number rules
// (RESIDENCY_DIAL_RULES) can only confirm it or flag a conflict, which the pipeline quarantines as
// RESIDENCY_VIOLATION before any byte is stored. Reasons name prefixes, never whole customer numbers.
import { z } from 'zod';
import { envValue } from '@/lib/env';
import { callerAddress } from './normalize-fields';
import type { TCanonicalParticipant, TVendorAccount } from './types';

export type TDialRule = { prefix: string; region: string };
export type TResidencyDecision = { region: string; reasons: string[]; conflict: string | null };

const ZDialRules = z.array(
  z.object({ prefix: z.string().regex(/^\+\d{1,8}$/, 'an E.164 prefix such as "+44"'), region: z.string().regex(/^[a-z0-9-]+$/) }).strict(),
);

export function parseDialRules(json: string | undefined): TDialRule[] {
  if (!json || json.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('RESIDENCY_DIAL_RULES is not valid JSON');
  }
  const parsed = ZDialRules.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`RESIDENCY_DIAL_RULES[${issue?.path.join('.')}]: ${issue?.message}`);
  }
  // Longest prefix first, so "+353" beats "+3".
  return [...parsed.data].sort((a, b) => b.prefix.length - a.prefix.length);
}

let cached: { raw: string | undefined; rules: TDialRule[] } | null = null;

/** Rules from the environment, re-read only when the variable changes. */
export function dialRules(): TDialRule[] {
  const raw = envValue('RESIDENCY_DIAL_RULES');
  if (!cached || cached.raw !== raw) cached = { raw, rules: parseDialRules(raw) };
  return cached.rules;
}

/** "+44 20 7946-0958", "tel:+44…", "sip:+44…@host" → "+442079460958"; numbers not in international form
 *  match no rule. */
function e164(identifier: string): string | null {
  const compact = (callerAddress(identifier) ?? '').replace(/[\s().-]/g, '');
  return /^\+\d{4,15}$/.test(compact) ? compact : null;
}

export function residencyForRecording(
  account: Pick<TVendorAccount, 'residencyRegion' | 'instance'>,
  canonical: { participants: TCanonicalParticipant[] },
  rules: TDialRule[] = dialRules(),
): TResidencyDecision {
  const region = account.residencyRegion;
  const reasons = [`vendor instance ${account.instance} → ${region}`];
  let conflict: string | null = null;
  for (const participant of canonical.participants.filter((p) => p.role === 'CUSTOMER' && p.identifier)) {
    const number = e164(participant.identifier as string);
    const rule = number ? rules.find((r) => number.startsWith(r.prefix)) : undefined;
    if (!rule) continue;
    if (rule.region === region) {
      reasons.push(`customer number prefix ${rule.prefix} → ${rule.region}`);
    } else {
      conflict ??= `customer number prefix ${rule.prefix} belongs to region ${rule.region}, but instance ${account.instance} is in ${region}`;
    }
  }
  return { region, reasons, conflict };
}
