// Turns a test's TSimRecordingSpec into a complete simulated recording with believable defaults
// (these are the simulated vendor's values, not defaults applied by the archive).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { generateMp3 } from '../audio/generate-mp3';
import { generateWav, wavByteLength, wavStream } from '../audio/generate-wav';
import type { TSimAccount, TSimRecording, TSimRecordingSpec } from '../types';

let counter = 0;
const AGENTS = [
  { id: 'agent-1001', name: 'J. Smith' },
  { id: 'agent-1002', name: 'A. Novak' },
  { id: 'agent-1003', name: 'M. Rossi' },
  { id: 'agent-1004', name: 'K. Tanaka' },
];

function defaults(vendor: 'genesys' | 'cxone', account: TSimAccount, spec: TSimRecordingSpec) {
  const n = ++counter;
  const seconds = spec.seconds ?? 30;
  const startTime = spec.startTime ?? new Date(Date.now() - Math.round(seconds * 1000) - 1000);
  const contactId = String(580_000_000 + Math.floor(Math.random() * 10_000_000) * 10 + (n % 10));
  const id = spec.id ?? (vendor === 'genesys' ? randomUUID() : contactId);
  const customerDigits = String(1_000_000 + ((n * 7919) % 9_000_000));
  return {
    id,
    interactionId: spec.interactionId ?? (vendor === 'genesys' ? randomUUID() : id),
    seconds,
    startTime,
    customer: {
      number:
        spec.customer?.number ??
        (account.instance.includes('.ie') || account.instance.startsWith('eu') ? `+35315${customerDigits}` : `+1555${customerDigits}`),
      name: spec.customer?.name ?? null,
    },
    agent: spec.agent ?? (AGENTS[n % AGENTS.length] as { id: string; name: string }),
  };
}

export function buildRecording(vendor: 'genesys' | 'cxone', account: TSimAccount, spec: TSimRecordingSpec = {}): TSimRecording {
  const d = defaults(vendor, account, spec);
  const endTime = new Date(d.startTime.getTime() + Math.round(d.seconds * 1000));
  const mediaSeconds = spec.mediaSeconds ?? d.seconds;
  const seed = spec.seed ?? (counter * 2654435761) >>> 0;
  const sampleRate = spec.sampleRate ?? 8000;
  let mp3: Buffer | null = null;
  const mp3Media = () => (mp3 ??= generateMp3({ seconds: mediaSeconds, seed }));
  return {
    vendor,
    account,
    ...d,
    vendorRecordingId: d.id,
    mediaSeconds,
    endTime,
    direction: spec.direction ?? 'inbound',
    tags: spec.tags ?? ['Compliance', 'pci-scoped'],
    missing: spec.missing ?? [],
    pendingPolls: spec.pendingPolls ?? 0,
    mediaKind: spec.mediaKind ?? 'audio',
    fileState: spec.fileState ?? 'AVAILABLE',
    statedSizeBytes: spec.statedSizeBytes ?? null,
    seed,
    sampleRate,
    // The moment the record became visible at the vendor (drives listings and updatedSince).
    updatedAt: new Date(),
    contentType: vendor === 'genesys' ? 'audio/wav' : 'audio/mpeg',
    mediaSize: () => (vendor === 'genesys' ? wavByteLength({ seconds: mediaSeconds, sampleRate }) : mp3Media().length),
    media: () => (vendor === 'genesys' ? generateWav({ seconds: mediaSeconds, sampleRate, seed }) : mp3Media()),
  };
}

/** The media as a stream: WAV is generated on the fly (constant memory for multi-hour calls). */
export function mediaStream(rec: TSimRecording): Readable {
  if (rec.vendor === 'genesys') return wavStream({ seconds: rec.mediaSeconds, sampleRate: rec.sampleRate, seed: rec.seed });
  return Readable.from([rec.media()]);
}
