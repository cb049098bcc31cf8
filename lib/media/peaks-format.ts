// Waveform peaks as stored next to a recording: the audiowaveform JSON format (version 2, 8-bit), which
// wavesurfer.js and other players read, plus the exact duration so the player never has to decode the media.
// `data` holds, for every bucket, each channel's min then max (channel 0 min, channel 0 max, channel 1 min, …).
import { z } from 'zod';

/** Buckets per second when a recording is short enough; halved (repeatedly) to stay under PEAKS_MAX_BUCKETS. */
export const PEAKS_BUCKETS_PER_SECOND = 50;
/** Per channel: a 4-hour stereo call stays under ~1.5 MB of JSON whatever its sample rate. */
export const PEAKS_MAX_BUCKETS = 120_000;
/** Dual-channel (agent/customer) is the usual maximum; more channels are refused rather than mixed. */
export const PEAKS_MAX_CHANNELS = 8;

export const ZPeaks = z.object({
  version: z.literal(2),
  channels: z.number().int().min(1).max(PEAKS_MAX_CHANNELS),
  sample_rate: z.number().int().positive(),
  samples_per_pixel: z.number().int().positive(),
  bits: z.literal(8),
  length: z.number().int().nonnegative(),
  duration_seconds: z.number().nonnegative(),
  data: z.array(z.number().int().min(-128).max(127)),
});
export type TPeaks = z.infer<typeof ZPeaks>;

/** The sibling key of a stored media version: one peaks object per version, so none is ever overwritten. */
export function peaksObjectKey(storageKey: string, versionId: string): string {
  const safe = versionId.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `${storageKey}.peaks/${safe}.json`;
}

/** Per channel, min/max pairs scaled to -1…1 (what wavesurfer.js draws a lane from). */
export function peaksByChannel(p: TPeaks): Float32Array[] {
  const lanes = Array.from({ length: p.channels }, () => new Float32Array(p.length * 2));
  for (let i = 0; i < p.length; i++) {
    for (let c = 0; c < p.channels; c++) {
      const at = (i * p.channels + c) * 2;
      lanes[c]![i * 2] = p.data[at]! / 128;
      lanes[c]![i * 2 + 1] = p.data[at + 1]! / 128;
    }
  }
  return lanes;
}
