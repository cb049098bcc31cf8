// Whether a stored recording version can be read now, from what S3 says about it (HeadObject): the storage
// class, Intelligent-Tiering's archive status and the x-amz-restore header. Archive classes need a
// RestoreObject before GetObject; GLACIER_IR and the standard/IA classes are read directly. Stores without
// archive classes (Ceph RGW) report no class at all: STANDARD.
import type { HeadObjectCommandOutput } from '@aws-sdk/client-s3';

export type TRestoreState = {
  storageClass: string;
  /** The version is in an archive tier: it plays only while a restored copy exists. */
  cold: boolean;
  restore: 'not_needed' | 'not_requested' | 'in_progress' | 'available';
  /** When the restored copy goes away again (available only). */
  restoredUntil: string | null;
};

const ARCHIVE_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE']);
const ARCHIVE_TIERS = new Set(['ARCHIVE_ACCESS', 'DEEP_ARCHIVE_ACCESS']);

/** x-amz-restore: `ongoing-request="true"` or `ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"`. */
function parseRestoreHeader(header: string | undefined): { ongoing: boolean; expiry: Date | null } | null {
  if (!header) return null;
  const ongoing = /ongoing-request="true"/i.test(header);
  const expiry = /expiry-date="([^"]+)"/i.exec(header)?.[1];
  const date = expiry ? new Date(expiry) : null;
  return { ongoing, expiry: date && !Number.isNaN(date.getTime()) ? date : null };
}

export function restoreState(
  head: Pick<HeadObjectCommandOutput, 'StorageClass' | 'ArchiveStatus' | 'Restore'>,
  now = new Date(),
): TRestoreState {
  const storageClass = head.StorageClass ?? 'STANDARD';
  const cold = ARCHIVE_CLASSES.has(storageClass) || ARCHIVE_TIERS.has(head.ArchiveStatus ?? '');
  if (!cold) return { storageClass, cold, restore: 'not_needed', restoredUntil: null };
  const restore = parseRestoreHeader(head.Restore);
  if (restore?.ongoing) return { storageClass, cold, restore: 'in_progress', restoredUntil: null };
  if (restore && (!restore.expiry || restore.expiry > now))
    return { storageClass, cold, restore: 'available', restoredUntil: restore.expiry?.toISOString() ?? null };
  return { storageClass, cold, restore: 'not_requested', restoredUntil: null };
}
