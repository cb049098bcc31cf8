// Archived recordings for end-to-end tests, built the way the pipeline stores them: a real WAV
// uploaded to the test RGW's Object Lock bucket, the Recording row with participants, a raw vendor
// payload and the pipeline's audit entries — optionally with an open truncation quarantine case.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { archiveIdFor, searchTextFor } from '@/lib/archive/recording-fields';
import { recordingObjectKey } from '@/lib/archive/recording-object-key';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { storePeaks } from '@/lib/media/peaks-store';
import { db } from '@/lib/db';
import { idempotencyKey } from '@/lib/queue/contracts';
import { bucketName } from '@/lib/storage/buckets';
import { s3 } from '@/lib/storage/s3-client';
import { generateWav } from '@/simulators/audio/generate-wav';

export type TSeedRecordingOptions = {
  /** Seconds of audio actually stored. */
  seconds?: number;
  /** The vendor's stated duration (defaults to the stored length; larger = truncated). */
  vendorSeconds?: number;
  startTime?: Date;
  truncated?: boolean;
  /** Store this WAV file (e.g. a long one made by ffmpeg) instead of generated speech; give `seconds` too. */
  mediaFile?: string;
  /** Store its waveform peaks beside it, as the archive pipeline does. */
  peaks?: boolean;
  /** The vendor's statement of who is on which channel (NICE CXone's participantDataList[].channel). */
  channels?: { agent: number; customer: number };
};

export type TSeedRecording = {
  id: string;
  vendorRecordingId: string;
  auditKey: string;
  agentName: string;
  agentId: string;
  customerNumber: string;
  startTime: Date;
  caseId: string | null;
};

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function upload(key: string, body: Buffer) {
  const Bucket = bucketName('recordings', 'us');
  // Object Lock buckets want an integrity header on PutObject.
  const ContentMD5 = createHash('md5').update(body).digest('base64');
  const put = await s3().send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: 'audio/wav', ContentMD5 }));
  if (!put.VersionId) throw new Error('the test bucket did not return a version id (is versioning on?)');
  return { bucket: Bucket, versionId: put.VersionId };
}

function uniqueParticipants() {
  const n = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  const suffix = randomUUID().slice(0, 6);
  return { agentId: `agent-${suffix}`, agentName: `Agent ${suffix}`, customerNumber: `+1555${n}` };
}

type TSeedParts = {
  channels?: { agent: number; customer: number };
  retainUntil: Date;
  id: string;
  vendorRecordingId: string;
  startTime: Date;
  seconds: number;
  vendorSeconds: number;
  wav: Buffer;
  key: string;
  stored: { bucket: string; versionId: string };
  p: ReturnType<typeof uniqueParticipants>;
  truncated: boolean;
};

function rawPayload(x: TSeedParts) {
  return {
    type: 'recording.completed',
    id: `evt-${randomUUID()}`,
    data: {
      id: x.vendorRecordingId,
      mediaType: 'voice',
      duration: x.vendorSeconds,
      tags: ['compliance', 'pci-scoped'],
      participants: [
        { id: x.p.agentId, type: 'agent', displayName: x.p.agentName },
        { id: 'ext-1', type: 'external', displayName: x.p.customerNumber, ani: x.p.customerNumber },
      ],
      ...(x.channels
        ? {
            participantDataList: [
              { participantType: 'AGENT', channel: x.channels.agent },
              { participantType: 'CUSTOMER', channel: x.channels.customer },
            ],
          }
        : {}),
    },
  };
}

/** The Recording row as the pipeline would commit it (participants and raw payload nested). */
function recordingData(x: TSeedParts) {
  const archiveId = archiveIdFor(x.id, x.startTime);
  const participants = [
    { role: 'AGENT' as const, identifier: x.p.agentId, displayName: x.p.agentName },
    { role: 'CUSTOMER' as const, identifier: x.p.customerNumber, displayName: x.p.customerNumber },
  ];
  const raw = rawPayload(x);
  return {
    id: x.id,
    archiveId,
    vendorSource: 'GENESYS_CLOUD' as const,
    vendorRecordingId: x.vendorRecordingId,
    interactionId: `int-${randomUUID()}`,
    startTime: x.startTime,
    endTime: new Date(x.startTime.getTime() + x.vendorSeconds * 1000),
    durationSeconds: x.vendorSeconds,
    measuredDurationSeconds: x.seconds,
    direction: 'INBOUND' as const,
    complianceTags: ['pci-scoped', 'finra-retention-6yr', ...(x.truncated ? ['truncation_detected'] : [])],
    dataResidencyRegion: 'us',
    storageBucket: x.stored.bucket,
    storageKey: x.key,
    storageVersionId: x.stored.versionId,
    storageLocation: `s3://${x.stored.bucket}/${x.key}`,
    checksumSha256: sha256(x.wav),
    sizeBytes: BigInt(x.wav.length),
    mediaFormat: 'wav',
    retainUntil: x.retainUntil,
    status: x.truncated ? ('QUARANTINED' as const) : ('ARCHIVED' as const),
    rawVendorPayloadVersion: 'v2',
    archivedAt: x.truncated ? null : new Date(),
    searchText: searchTextFor({ archiveId, vendorRecordingId: x.vendorRecordingId, interactionId: null, participants }),
    participants: { create: participants.map((q, position) => ({ ...q, position })) },
    rawPayloads: {
      create: {
        vendorSource: 'GENESYS_CLOUD' as const,
        vendorRecordingId: x.vendorRecordingId,
        kind: 'metadata',
        schemaVersion: 'v2',
        payload: raw,
        sha256: sha256(JSON.stringify(raw)),
      },
    },
  };
}

function truncationEvidence(x: TSeedParts) {
  return {
    vendorDurationSeconds: x.vendorSeconds,
    measuredDurationSeconds: x.seconds,
    deltaSeconds: x.seconds - x.vendorSeconds,
    toleranceSeconds: 2,
    sizeBytes: x.wav.length,
    checksumSha256: sha256(x.wav),
    versionId: x.stored.versionId,
  };
}

export async function seedRecording(opts: TSeedRecordingOptions = {}): Promise<TSeedRecording> {
  const seconds = opts.seconds ?? 6;
  const startTime = opts.startTime ?? new Date(Date.UTC(2026, 4, 14, 8, 30, 32));
  const vendorRecordingId = `rec-e2e-${randomUUID()}`;
  const wav = opts.mediaFile ? readFileSync(opts.mediaFile) : generateWav({ seconds, seed: 7 });
  const key = `e2e/${recordingObjectKey({ vendorSource: 'GENESYS_CLOUD', vendorRecordingId, startTime, mediaFormat: 'wav' })}`;
  const x: TSeedParts = {
    channels: opts.channels,
    retainUntil: new Date(Date.now() + 2190 * 86_400_000),
    id: randomUUID(),
    vendorRecordingId,
    startTime,
    seconds,
    vendorSeconds: opts.vendorSeconds ?? seconds,
    wav,
    key,
    stored: await upload(key, wav),
    p: uniqueParticipants(),
    truncated: opts.truncated ?? false,
  };
  if (opts.peaks)
    await storePeaks(s3(), {
      bucket: x.stored.bucket,
      key,
      versionId: x.stored.versionId,
      retainUntil: x.retainUntil,
      retentionPolicyId: null,
    });
  const auditKey = idempotencyKey('GENESYS_CLOUD', vendorRecordingId);
  const caseId = x.truncated ? randomUUID() : null;
  const worker = { actorType: 'worker' as const, actorId: 'e2e-seed', subjectType: 'recording' as const, subjectId: auditKey };
  const retainUntil = recordingData(x).retainUntil.toISOString();
  await db().$transaction(async (tx) => {
    await tx.recording.create({ data: recordingData(x) });
    await appendAuditEntry(
      {
        ...worker,
        action: 'archive.stored',
        details: {
          recordingId: x.id,
          bucket: x.stored.bucket,
          key: x.key,
          versionId: x.stored.versionId,
          retainUntil,
          sha256: sha256(x.wav),
          sizeBytes: x.wav.length,
        },
      },
      tx,
    );
    if (!caseId) return;
    await tx.quarantineCase.create({
      data: {
        id: caseId,
        recordingId: x.id,
        reason: 'TRUNCATION_DETECTED',
        tags: ['truncation_detected'],
        evidence: truncationEvidence(x),
      },
    });
    await appendAuditEntry(
      {
        ...worker,
        action: 'archive.quarantined',
        details: { recordingId: x.id, caseId, reason: 'TRUNCATION_DETECTED', caseTransition: 'opened' },
      },
      tx,
    );
  });
  return { id: x.id, vendorRecordingId, auditKey, ...x.p, startTime, caseId };
}
