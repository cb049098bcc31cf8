// A matter's page header: what it is, how many recordings it collects, how many it holds, and what the
// viewer may do with it.
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { findMatter } from '@/lib/legal-hold/find-matter';
import { holdState } from '@/lib/legal-hold/list-matters';

export async function getMatter(id: string, role: TRole) {
  const matter = await findMatter(id);
  const [recordingCount, heldInMatter, heldOutside] = await Promise.all([
    db().matterRecording.count({ where: { matterId: matter.id } }),
    db().matterRecording.count({
      where: { matterId: matter.id, recording: { legalHolds: { some: { matterId: matter.id, active: true } } } },
    }),
    db().legalHold.count({ where: { matterId: matter.id, active: true, recording: { matters: { none: { matterId: matter.id } } } } }),
  ]);
  return {
    id: matter.id,
    reference: matter.reference,
    name: matter.name,
    description: matter.description,
    createdBy: matter.createdBy.email,
    createdAt: matter.createdAt.toISOString(),
    recordingCount,
    heldCount: heldInMatter,
    /** Holds this matter placed one by one on recordings not (yet) added to it. */
    heldOutsideCount: heldOutside,
    holdState: holdState(recordingCount, heldInMatter),
    allowed: { manage: can(role, 'legal_hold.manage'), package: can(role, 'evidence.export') },
  };
}
