// Participants as a role may see them: customers' (and other external parties') numbers and names
// masked unless the role may see them in clear. Agents are staff, not customers, and stay readable.
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { maskIdentifier } from '@/lib/masking/mask-identifier';
import type { TParticipantView } from '@/lib/recordings/types';

type TParticipantRow = { role: 'AGENT' | 'CUSTOMER' | 'OTHER'; identifier: string | null; displayName: string | null };

export function presentParticipants(rows: TParticipantRow[], role: TRole): TParticipantView[] {
  const clear = can(role, 'identifiers.unmasked');
  return rows.map((p) => {
    const mask = p.role !== 'AGENT' && !clear;
    return {
      role: p.role,
      identifier: mask ? maskIdentifier(p.identifier) : p.identifier,
      displayName: mask ? maskIdentifier(p.displayName) : p.displayName,
      masked: mask,
    };
  });
}

/** The raw values a masked view must never contain (for masking vendor payloads and evidence). */
export function customerSecrets(rows: TParticipantRow[]): string[] {
  return rows
    .filter((p) => p.role !== 'AGENT')
    .flatMap((p) => [p.identifier, p.displayName])
    .filter((v): v is string => Boolean(v));
}
