// One page of a matter's recordings, newest addition first, masked for the viewer's role and limited to
// the residency regions the viewer may see; each says whether THIS matter holds it.
import { z } from 'zod';
import type { TSessionUser } from '@/lib/auth/load-session-user';
import { db } from '@/lib/db';
import { findMatter } from '@/lib/legal-hold/find-matter';
import { toListItem } from '@/lib/recordings/to-list-item';
import type { TRecordingListItem } from '@/lib/recordings/types';

export const ZMatterRecordingsPage = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type TMatterRecordingItem = TRecordingListItem & { addedAt: string; heldByMatter: boolean };

export async function listMatterRecordings(
  matterId: string,
  q: z.output<typeof ZMatterRecordingsPage>,
  user: Pick<TSessionUser, 'role' | 'regions'>,
) {
  const matter = await findMatter(matterId);
  const where = { matterId: matter.id, ...(user.regions.length ? { recording: { dataResidencyRegion: { in: user.regions } } } : {}) };
  const [total, rows] = await Promise.all([
    db().matterRecording.count({ where }),
    db().matterRecording.findMany({
      where,
      orderBy: [{ addedAt: 'desc' }, { recordingId: 'asc' }],
      skip: (q.page - 1) * q.limit,
      take: q.limit,
      include: {
        recording: { include: { participants: true, legalHolds: { where: { matterId: matter.id, active: true }, select: { id: true } } } },
      },
    }),
  ]);
  const items: TMatterRecordingItem[] = rows.map((row) => ({
    ...toListItem(row.recording, user.role),
    addedAt: row.addedAt.toISOString(),
    heldByMatter: row.recording.legalHolds.length > 0,
  }));
  return { items, total, page: q.page, limit: q.limit };
}
