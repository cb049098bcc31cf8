// Matters with how many recordings each holds right now (for the hold form and the matters API).
import { db } from '@/lib/db';

export async function listMatters() {
  const rows = await db().matter.findMany({
    orderBy: { createdAt: 'desc' },
    take: 500,
    include: { createdBy: { select: { email: true } }, _count: { select: { legalHolds: { where: { active: true } } } } },
  });
  return rows.map((m) => ({ id: m.id, reference: m.reference, name: m.name, description: m.description, createdBy: m.createdBy.email, createdAt: m.createdAt.toISOString(), activeHolds: m._count.legalHolds }));
}
