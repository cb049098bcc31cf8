// The review queue as the console shows it: the quarantine cases plus each recording's participants,
// with customer identifiers masked (participants and evidence) for roles that may not see them.
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { listQuarantineCases, type TQuarantineFilter } from '@/lib/quarantine/list-quarantine-cases';
import { maskPayload } from '@/lib/recordings/mask-payload';
import { customerSecrets, presentParticipants } from '@/lib/recordings/present-participants';
import { redactMediaUrls } from '@/lib/recordings/redact-media-urls';

export async function listQuarantineQueue(filter: TQuarantineFilter, role: TRole) {
  const { items, nextCursor } = await listQuarantineCases(filter);
  const participants = await db().participant.findMany({
    where: { recordingId: { in: [...new Set(items.map((c) => c.recording.id))] } },
    orderBy: { position: 'asc' },
  });
  const byRecording = new Map<string, typeof participants>();
  for (const p of participants) byRecording.set(p.recordingId, [...(byRecording.get(p.recordingId) ?? []), p]);
  const unmasked = can(role, 'identifiers.unmasked');
  return {
    nextCursor,
    items: items.map((c) => {
      const rows = byRecording.get(c.recording.id) ?? [];
      return {
        id: c.id,
        reason: c.reason,
        state: c.state,
        tags: c.tags,
        evidence: redactMediaUrls(unmasked ? c.evidence : maskPayload(c.evidence, customerSecrets(rows))),
        resolutionNote: unmasked || c.resolutionNote === null ? c.resolutionNote : (maskPayload(c.resolutionNote, customerSecrets(rows)) as string),
        resolvedBy: c.resolvedBy ? { email: c.resolvedBy.email, name: c.resolvedBy.name } : null,
        resolvedAt: c.resolvedAt?.toISOString() ?? null,
        createdAt: c.createdAt.toISOString(),
        recording: {
          ...c.recording,
          startTime: c.recording.startTime?.toISOString() ?? null,
          participants: presentParticipants(rows, role),
        },
      };
    }),
  };
}

export type TQuarantineQueue = Awaited<ReturnType<typeof listQuarantineQueue>>;
export type TQuarantineQueueItem = TQuarantineQueue['items'][number];
