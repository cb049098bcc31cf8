// Writes one object to an audit bucket under Object Lock COMPLIANCE and reads it back: the stored bytes
// must hash to what was written and the lock must be in place, or the write counts as failed.
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { TEnv } from '@/lib/env';

export type TLockedObject = {
  bucket: string;
  key: string;
  body: Buffer;
  contentType: string;
  retainUntil: Date;
  /** URL-encoded object tags (e.g. a lifecycle rule's). */ tagging?: string;
};

export async function putLockedAuditObject(
  client: S3Client,
  o: TLockedObject,
  config: Pick<TEnv, 'S3_CHECKSUM_SUPPORTED'>,
): Promise<string | null> {
  const sha256 = createHash('sha256').update(o.body).digest();
  const put = await client.send(
    new PutObjectCommand({
      Bucket: o.bucket,
      Key: o.key,
      Body: o.body,
      ContentType: o.contentType,
      // Object Lock writes need an integrity header; MD5 is the one every S3 implementation accepts.
      ContentMD5: createHash('md5').update(o.body).digest('base64'),
      ...(config.S3_CHECKSUM_SUPPORTED ? { ChecksumSHA256: sha256.toString('base64') } : {}),
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: o.retainUntil,
      ...(o.tagging ? { Tagging: o.tagging } : {}),
    }),
  );
  const stored = await client.send(new GetObjectCommand({ Bucket: o.bucket, Key: o.key, VersionId: put.VersionId }));
  const readBack = createHash('sha256')
    .update(await stored.Body!.transformToByteArray())
    .digest();
  if (!readBack.equals(sha256))
    throw new Error(`${o.key}: stored object SHA-256 ${readBack.toString('hex')} differs from the written ${sha256.toString('hex')}`);
  if (stored.ObjectLockMode !== 'COMPLIANCE') throw new Error(`${o.key}: store did not apply Object Lock COMPLIANCE`);
  return put.VersionId ?? null;
}
