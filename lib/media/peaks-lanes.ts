// Who is on which channel of a dual-channel recording, as the vendor's own metadata states it (NICE CXone
// lists each participant's `channel`). Without such a statement a lane is named by its position only:
// the archive never guesses which side the agent was on.
const ROLE_NAMES: Record<string, string> = { AGENT: 'Agent', CUSTOMER: 'Customer' };
const MAX_DEPTH = 6;

function collectChannels(value: unknown, out: Map<number, string>, depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((v) => collectChannels(v, out, depth + 1));
  const o = value as Record<string, unknown>;
  const role = typeof o.participantType === 'string' ? ROLE_NAMES[o.participantType.toUpperCase()] : undefined;
  if (role && typeof o.channel === 'number' && Number.isInteger(o.channel) && !out.has(o.channel)) out.set(o.channel, role);
  for (const v of Object.values(o)) collectChannels(v, out, depth + 1);
}

/** Channel index (0 = left) → participant role, from the recording's raw vendor payloads. */
export function channelRoles(payloads: readonly unknown[]): Map<number, string> {
  const out = new Map<number, string>();
  collectChannels(payloads, out, 0);
  return out;
}

export function laneLabels(channels: number, roles: ReadonlyMap<number, string> = new Map()): string[] {
  const position = (i: number) => (channels === 2 ? (i === 0 ? 'left' : 'right') : `channel ${i + 1}`);
  return Array.from({ length: channels }, (_, i) => {
    const role = roles.get(i);
    const where = position(i);
    return role ? `${role} (${where})` : `${where[0]!.toUpperCase()}${where.slice(1)}${channels === 2 ? ' channel' : ''}`;
  });
}
