// The S3 client for any S3-protocol store (AWS S3, MinIO, Ceph RGW).
import { S3Client } from '@aws-sdk/client-s3';
import { env, type TEnv } from '@/lib/env';

type TS3Config = Pick<TEnv, 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>;

export function createS3Client(config: TS3Config = env()): S3Client {
  return new S3Client({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY },
    // RGW answers 411 to streamed PutObject with the SDK's default checksum calculation; we hash ourselves.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const globalForS3 = globalThis as unknown as { s3?: S3Client };

export function s3(): S3Client {
  globalForS3.s3 ??= createS3Client();
  return globalForS3.s3;
}

/** Object Lock refusals: RGW answers 403 AccessDenied, MinIO 400 "Object is WORM protected". */
export function isObjectLockDenial(error: unknown): boolean {
  const e = error as { name?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e?.$metadata?.httpStatusCode;
  if (status === 403 && (e.name === 'AccessDenied' || e.Code === 'AccessDenied')) return true;
  return status === 400 && /WORM/i.test(e?.message ?? '');
}
