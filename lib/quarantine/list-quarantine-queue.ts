// The review queue as the console shows it: each case with a summary of its problem in words, the assignee,
// the re-fetch progress and the recording's participants — customer identifiers masked (participants,
// evidence, notes, summary) for roles that may not see them. The summary is built from the masked evidence.
import { can } from '@/lib/auth/permissions';
import type { TRole } from '@/lib/auth/types';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { listQuarantineCases, type TQueueViewer } from '@/lib/quarantine/list-quarantine-cases';
import type { TQuarantineQueryInput } from '@/lib/quarantine/quarantine-query';
import { summarizeQuarantineCase } from '@/lib/quarantine/summarize-quarantine-case';
import { maskPayload } from '@/lib/masking/mask-payload';
import { customerSecrets, presentParticipants } from '@/lib/recordings/present-participants';
import { redactMediaUrls } from '@/lib/recordings/redact-media-urls';

export type TQueueUser = TQueueViewer & { role: TRole };

async function participantsByRecording(recordingIds: string[]) {
  const participants = await db().participant.findMany({
    where: { recordingId: { in: [...new Set(recordingIds)] } },
    orderBy: { position: 'asc' },
  });
  const byRecording = new Map<string, typeof participants>();
  for (const p of participants) byRecording.set(p.recordingId, [...(byRecording.get(p.recordingId) ?? []), p]);
  return byRecording;
}

export async function listQuarantineQueue(query: TQuarantineQueryInput, user: TQueueUser) {
  const { items, total, byReason, allReasons, page, pageSize } = await listQuarantineCases(query, user);
  const byRecording = await participantsByRecording(items.map((c) => c.recording.id));
  const unmasked = can(user.role, 'identifiers.unmasked');
  return {
    total,
    byReason,
    allReasons,
    page,
    pageSize,
    slaHours: env().QUARANTINE_SLA_HOURS,
    items: items.map((c) => {
      const rows = byRecording.get(c.recording.id) ?? [];
      const secrets = customerSecrets(rows);
      const mask = <T>(v: T): T => (unmasked || v === null ? v : (maskPayload(v, secrets) as T));
      const evidence = redactMediaUrls(mask(c.evidence));
      return {
        id: c.id,
        reason: c.reason,
        state: c.state,
        tags: c.tags,
        summary: summarizeQuarantineCase(c.reason, evidence),
        evidence,
        resolutionNote: mask(c.resolutionNote),
        resolvedBy: c.resolvedBy ? { email: c.resolvedBy.email, name: c.resolvedBy.name } : null,
        resolvedAt: c.resolvedAt?.toISOString() ?? null,
        assignedTo: c.assignedTo ? { id: c.assignedTo.id, email: c.assignedTo.email, name: c.assignedTo.name } : null,
        assignedAt: c.assignedAt?.toISOString() ?? null,
        refetch: c.refetchStatus ? { status: c.refetchStatus, error: mask(c.refetchError), at: c.refetchAt?.toISOString() ?? null } : null,
        createdAt: c.createdAt.toISOString(),
        recording: {
          ...c.recording,
          startTime: c.recording.startTime?.toISOString() ?? null,
          participants: presentParticipants(rows, user.role),
        },
      };
    }),
  };
}

export type TQuarantineQueue = Awaited<ReturnType<typeof listQuarantineQueue>>;
export type TQuarantineQueueItem = TQuarantineQueue['items'][number];
