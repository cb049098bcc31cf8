// Where a recording's media lives in its region's bucket. Deterministic from the recording's own metadata,
// so a re-fetch writes a new VERSION of the same key (the old version stays, WORM) instead of a new object.
import { VENDOR_SLUG, type TVendor } from '@/lib/vendors/types';

const pad = (n: number) => String(n).padStart(2, '0');

/** Vendor ids become one safe path segment: no '/', no '..' tricks, reversible percent-escapes. */
function keySegment(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

export function recordingObjectKey(input: {
  vendorSource: TVendor;
  vendorRecordingId: string;
  startTime: Date;
  mediaFormat: string;
}): string {
  const t = input.startTime;
  const ext = /^[a-z0-9]{1,5}$/.test(input.mediaFormat.toLowerCase()) ? input.mediaFormat.toLowerCase() : 'bin';
  const id = keySegment(input.vendorRecordingId);
  return `voice/${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())}/${VENDOR_SLUG[input.vendorSource]}/${id}.${ext}`;
}
