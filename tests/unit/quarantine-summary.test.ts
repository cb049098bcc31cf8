// The problem of each quarantine reason in words, from the evidence the pipeline stores (shapes as written by
// lib/archive/check-media.ts, lib/archive/archive-recording.ts and lib/archive/recording-region.ts).
import { describe, expect, it } from 'vitest';
import { summarizeQuarantineCase } from '@/lib/quarantine/summarize-quarantine-case';

describe('summarizeQuarantineCase', () => {
  it('truncation: expected vs measured duration and the bytes stored vs announced', () => {
    const s = summarizeQuarantineCase('TRUNCATION_DETECTED', {
      vendorDurationSeconds: 61,
      measuredDurationSeconds: 29.9,
      headerDurationSeconds: 61,
      deltaSeconds: -31.1,
      toleranceSeconds: 2,
      sizeBytes: 478_444,
      contentLength: 976_044,
      reason: 'header claims 61 s, the bytes hold 29.9 s',
    });
    expect(s.headline).toBe('Expected 61 s, measured 29.9 s (31.1 s short); 478,444 bytes stored of 976,044 bytes announced');
    expect(s.facts).toContainEqual({ label: 'Duration the media header claims', value: '61 s' });
    expect(s.facts).toContainEqual({ label: 'Why', value: 'header claims 61 s, the bytes hold 29.9 s' });
  });

  it('truncation without a measurement says unknown instead of inventing one', () => {
    expect(summarizeQuarantineCase('TRUNCATION_DETECTED', { vendorDurationSeconds: 30 }).headline).toBe('Expected 30 s, measured unknown');
  });

  it('invalid metadata: which fields failed and why', () => {
    const s = summarizeQuarantineCase('INVALID_METADATA', {
      problems: [
        { field: 'direction', problem: 'missing' },
        { field: 'rawVendorPayloadVersion', problem: 'invalid', detail: 'payload version "v1" is not v2' },
      ],
    });
    expect(s.headline).toBe('2 fields failed: direction is missing; rawVendorPayloadVersion is invalid (payload version "v1" is not v2)');
    expect(s.facts).toContainEqual({ label: 'direction', value: 'missing' });
    expect(summarizeQuarantineCase('INVALID_METADATA', {}).headline).toContain('no field-level issues');
  });

  it('residency: the conflict as the pipeline stated it, or the bucket refusal', () => {
    expect(
      summarizeQuarantineCase('RESIDENCY_VIOLATION', {
        region: 'us',
        problem: 'customer number prefix +44 belongs to region eu, but instance mypurecloud.com is in us',
        allowedRegions: ['us', 'eu'],
      }).headline,
    ).toBe('Residency conflict: customer number prefix +44 belongs to region eu, but instance mypurecloud.com is in us');
    expect(
      summarizeQuarantineCase('RESIDENCY_VIOLATION', {
        recordingRegion: 'eu',
        bucket: 'cv-recordings-us',
        bucketRegion: 'us',
        allowedRegions: ['us'],
      }).headline,
    ).toBe('Residency conflict: region eu may not be written to bucket cv-recordings-us (bucket region us)');
  });

  it('checksum mismatch and unreadable media', () => {
    expect(
      summarizeQuarantineCase('CHECKSUM_MISMATCH', {
        transferredBytes: 1024,
        storedBytes: 1000,
        transferredSha256: 'a'.repeat(64),
        storedSha256: 'b'.repeat(64),
      }).headline,
    ).toBe('Stored copy does not match the transfer: 1,024 bytes sent, 1,000 bytes read back');
    expect(
      summarizeQuarantineCase('INVALID_MEDIA', {
        parseError: 'no audio frames found',
        vendorFormatLabel: 'wav',
        container: 'unknown',
        sizeBytes: 12,
      }).headline,
    ).toBe('Unsupported or unreadable media: no audio frames found; labelled wav, content looks like unknown');
  });

  it('after a failed re-fetch, also says what the earlier copy showed', () => {
    const s = summarizeQuarantineCase('TRUNCATION_DETECTED', {
      vendorDurationSeconds: 40,
      measuredDurationSeconds: 33,
      previousEvidence: { vendorDurationSeconds: 40, measuredDurationSeconds: 30 },
    });
    expect(s.facts.at(-1)).toEqual({ label: 'Before the re-fetch', value: 'Expected 40 s, measured 30 s (10 s short)' });
  });
});
