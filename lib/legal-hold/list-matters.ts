// Matters with their recordings and how many of them this matter holds right now (matters page, hold form).
import { db } from '@/lib/db';

export type THoldState = 'empty' | 'not_held' | 'partly_held' | 'held';

/** A matter's hold state from its recording count and the recordings it holds. */
export function holdState(recordings: number, held: number): THoldState {
  if (recordings === 0) return held > 0 ? 'partly_held' : 'empty';
  if (held === 0) return 'not_held';
  return held >= recordings ? 'held' : 'partly_held';
}

export async function listMatters() {
  const rows = await db().matter.findMany({
    orderBy: { createdAt: 'desc' },
    take: 500,
    include: { createdBy: { select: { email: true } }, _count: { select: { recordings: true } } },
  });
  // Recordings held, not hold rows: holds placed one by one before a recording was added also count.
  const held = await db().legalHold.groupBy({
    by: ['matterId'],
    where: { active: true, matterId: { in: rows.map((m) => m.id) } },
    _count: { recordingId: true },
  });
  const heldBy = new Map(held.map((h) => [h.matterId, h._count.recordingId]));
  return rows.map((m) => {
    const activeHolds = heldBy.get(m.id) ?? 0;
    return {
      id: m.id,
      reference: m.reference,
      name: m.name,
      description: m.description,
      createdBy: m.createdBy.email,
      createdAt: m.createdAt.toISOString(),
      recordingCount: m._count.recordings,
      activeHolds,
      holdState: holdState(m._count.recordings, activeHolds),
    };
  });
}
