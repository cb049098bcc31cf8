// What a local RGW cannot prove: the exact parameters of every storage write. Each PutObject and
// CreateMultipartUpload must carry Object Lock COMPLIANCE with the policy's retain-until, the checksum
// algorithm only where the store supports it, and a cut download must abort before anything completes.
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  PutObjectTaggingCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TMediaDownload } from '@/lib/vendors/types';

const envOverrides: Record<string, string> = {};
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  const base = {
    DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unit_test',
    REDIS_URL: 'redis://127.0.0.1:6379/15',
    S3_ACCESS_KEY_ID: 'unit',
    S3_SECRET_ACCESS_KEY: 'unit-secret',
    NEXTAUTH_SECRET: 'u'.repeat(40),
    S3_BUCKET_PREFIX: 'cvunit',
    STORAGE_WRITES_PER_SECOND: '1000',
  };
  return { ...actual, env: () => actual.parseEnv({ ...base, ...envOverrides }) };
});

const { transferMedia, PART_SIZE } = await import('@/lib/archive/transfer-media');
const { ArchiveError } = await import('@/lib/queue/archive-error');

const client = new S3Client({
  endpoint: 'http://127.0.0.1:9',
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});
const s3 = mockClient(client);
const retainUntil = new Date('2031-05-14T08:32:15.000Z');

function download(bytes: number, deliver = bytes): TMediaDownload {
  const chunk = Buffer.alloc(64 * 1024, 7);
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= deliver) {
        // Like a dying socket: what arrived is delivered, then the stream fails.
        if (deliver < bytes) setTimeout(() => this.destroy(new Error('socket hang up')), 20);
        else this.push(null);
        return;
      }
      const n = Math.min(chunk.length, deliver - sent);
      sent += n;
      this.push(chunk.subarray(0, n));
    },
  });
  return { stream, contentLength: bytes, contentType: 'audio/wav', mediaFormat: 'wav' };
}

const target = (over: Partial<Parameters<typeof transferMedia>[2]> = {}) => ({
  region: 'us',
  bucket: 'cvunit-recordings-us',
  key: 'voice/2024/05/14/genesys-cloud/rec-1.wav',
  retainUntil,
  legalHold: false,
  contentType: 'audio/wav',
  metadata: { 'attempt-id': 'attempt-1' },
  ...over,
});

beforeEach(() => {
  s3.reset();
  for (const k of Object.keys(envOverrides)) delete envOverrides[k];
  s3.on(PutObjectCommand).resolves({ VersionId: 'v-single' });
  s3.on(CreateMultipartUploadCommand).resolves({ UploadId: 'u-1' });
  s3.on(UploadPartCommand).callsFake((input: { PartNumber: number }) => ({ ETag: `"etag-${input.PartNumber}"` }));
  // RGW answers a completed multipart upload without VersionId: the pipeline must read it back.
  s3.on(CompleteMultipartUploadCommand).resolves({});
  s3.on(HeadObjectCommand).resolves({
    VersionId: 'v-multi',
    Metadata: { 'attempt-id': 'attempt-1' },
    ObjectLockMode: 'COMPLIANCE',
    ObjectLockRetainUntilDate: retainUntil,
  });
  s3.on(PutObjectTaggingCommand).resolves({});
  s3.on(PutObjectRetentionCommand).resolves({});
  s3.on(AbortMultipartUploadCommand).resolves({});
});

afterEach(() => s3.reset());

describe('storage writes of the archive pipeline', () => {
  it('a single-part write carries COMPLIANCE lock, retain-until and no checksum header by default', async () => {
    const result = await transferMedia(client, download(100_000), target());
    const puts = s3.commandCalls(PutObjectCommand);
    expect(puts).toHaveLength(1);
    const input = puts[0]!.args[0].input;
    expect(input).toMatchObject({ ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: retainUntil, ContentType: 'audio/wav' });
    expect(input.ChecksumAlgorithm).toBeUndefined();
    expect(input.ChecksumSHA256).toBeUndefined();
    expect(input.ObjectLockLegalHoldStatus).toBeUndefined();
    expect(result).toMatchObject({ versionId: 'v-single', sizeBytes: 100_000, retainUntil });
    expect(s3.commandCalls(CreateMultipartUploadCommand)).toHaveLength(0);
  });

  it('a multipart write carries the lock on CreateMultipartUpload and reads the version id back', async () => {
    const size = PART_SIZE * 2 + 12_345;
    const result = await transferMedia(client, download(size), target({ legalHold: true }));
    const creates = s3.commandCalls(CreateMultipartUploadCommand);
    expect(creates).toHaveLength(1);
    expect(creates[0]!.args[0].input).toMatchObject({
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: retainUntil,
      ObjectLockLegalHoldStatus: 'ON',
    });
    expect(s3.commandCalls(UploadPartCommand)).toHaveLength(3);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(result.versionId).toBe('v-multi');
    expect(result.sizeBytes).toBe(size);
  });

  it('tags the stored version with its retention policy, which the bucket lifecycle rules select on', async () => {
    await transferMedia(client, download(100_000), target({ retentionPolicyId: 'mifid-7y' }));
    await transferMedia(client, download(100_000), target({ retentionPolicyId: null }));
    const tagSets = s3.commandCalls(PutObjectTaggingCommand).map((c) => c.args[0].input.Tagging?.TagSet ?? []);
    expect(tagSets[0]).toContainEqual({ Key: 'retention-policy', Value: 'mifid-7y' });
    expect(tagSets[1]).toContainEqual({ Key: 'retention-policy', Value: 'deployment-default' });
    expect(tagSets[0]).toContainEqual({ Key: 'size', Value: '100000' });
  });

  it('asks for SHA-256 request checksums only where the store supports them', async () => {
    envOverrides.S3_CHECKSUM_SUPPORTED = 'true';
    await transferMedia(client, download(100_000), target());
    await transferMedia(client, download(PART_SIZE + 1), target());
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.ChecksumAlgorithm).toBe('SHA256');
    expect(s3.commandCalls(CreateMultipartUploadCommand)[0]!.args[0].input.ChecksumAlgorithm).toBe('SHA256');
    for (const part of s3.commandCalls(UploadPartCommand)) expect(part.args[0].input.ChecksumAlgorithm).toBe('SHA256');
  });

  it('extends the lock when the store applied a shorter default retention than the policy', async () => {
    s3.on(HeadObjectCommand)
      .resolvesOnce({ VersionId: 'v-multi', Metadata: { 'attempt-id': 'attempt-1' } })
      .resolvesOnce({ ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: new Date('2030-01-01T00:00:00Z') })
      .resolves({ ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: retainUntil });
    const result = await transferMedia(client, download(PART_SIZE + 1), target());
    const retention = s3.commandCalls(PutObjectRetentionCommand);
    expect(retention).toHaveLength(1);
    expect(retention[0]!.args[0].input).toMatchObject({
      VersionId: 'v-multi',
      Retention: { Mode: 'COMPLIANCE', RetainUntilDate: retainUntil },
    });
    expect(result.retainUntil).toEqual(retainUntil);
  });

  it('a download cut mid-stream aborts the multipart upload and never completes it', async () => {
    const size = PART_SIZE * 3;
    const error = await transferMedia(client, download(size, PART_SIZE * 2 + 4096), target()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error).toMatchObject({ kind: 'retryable', code: 'short_stream' });
    expect(s3.commandCalls(UploadPartCommand).length).toBeGreaterThanOrEqual(1);
    expect(s3.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    expect(s3.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
  });

  it('a stream that ends cleanly but short of Content-Length never becomes an object', async () => {
    const d = download(50_000);
    const short = { ...d, contentLength: 60_000 };
    await expect(transferMedia(client, short, target())).rejects.toMatchObject({ code: 'short_stream' });
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('refuses a bucket of another region before sending anything', async () => {
    const d = download(10_000);
    await expect(transferMedia(client, d, target({ region: 'eu', bucket: 'cvunit-recordings-us' }))).rejects.toMatchObject({
      code: 'residency_violation',
    });
    expect(s3.calls()).toHaveLength(0);
    expect(d.stream.destroyed).toBe(true);
  });
});

describe('the checksum header on the wire', () => {
  type TSeen = { method: string; query: Record<string, unknown>; headers: Record<string, string>; body: Buffer };

  /** A real S3Client whose HTTP layer records each request and answers like an Object Lock store. */
  function recordingClient(seen: TSeen[]): S3Client {
    const handle = async (request: {
      method: string;
      query?: Record<string, unknown>;
      headers: Record<string, string>;
      body?: unknown;
    }) => {
      const body =
        request.body instanceof Uint8Array
          ? Buffer.from(request.body)
          : typeof request.body === 'string'
            ? Buffer.from(request.body)
            : Buffer.alloc(0);
      seen.push({ method: request.method, query: request.query ?? {}, headers: request.headers, body });
      const headers: Record<string, string> = {
        'x-amz-version-id': 'v-wire',
        'x-amz-meta-attempt-id': 'attempt-1',
        'x-amz-object-lock-mode': 'COMPLIANCE',
        'x-amz-object-lock-retain-until-date': retainUntil.toISOString(),
        etag: '"e"',
      };
      return { response: { statusCode: 200, headers, body: Readable.from([]) } };
    };
    return new S3Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      requestHandler: { handle } as never,
    });
  }

  it('sends x-amz-checksum-sha256 of the body only when S3_CHECKSUM_SUPPORTED', async () => {
    const { createHash } = await import('node:crypto');
    for (const supported of ['true', 'false']) {
      envOverrides.S3_CHECKSUM_SUPPORTED = supported;
      const seen: TSeen[] = [];
      const wire = recordingClient(seen);
      await transferMedia(wire, download(100_000), target());
      wire.destroy();
      const put = seen.find((r) => r.method === 'PUT' && !('tagging' in r.query));
      expect(put?.body.length).toBe(100_000);
      const header = put?.headers['x-amz-checksum-sha256'];
      if (supported === 'true') expect(header).toBe(createHash('sha256').update(put!.body).digest('base64'));
      else expect(header).toBeUndefined();
      expect(put?.headers['x-amz-object-lock-mode']).toBe('COMPLIANCE');
      expect(new Date(put!.headers['x-amz-object-lock-retain-until-date']!).getTime()).toBe(retainUntil.getTime());
    }
  });
});
