// Independent accounting of one scenario: the archive's rows are read straight from Postgres (not through the
// proxy the scenario cuts), stored versions and unfinished multipart uploads straight from the S3 server, and
// downloads from the simulators' own counters — none of it from CallVault's opinion of itself.
import { ListMultipartUploadsCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import type pg from 'pg';
import type { TSimRecording, TSimulator } from '@/simulators/types';

export type TOutcome = {
  accepted: number;
  archivedOnce: number;
  quarantined: number;
  failed: number;
  lost: number;
  duplicateVersions: number;
  orphanUploads: number;
  downloads: number;
  /** Downloads the simulators answered, finished or cut off. */
  downloadStarts: number;
  reasons: string[];
  lostIds: string[];
};

export type TStatusRow = { vendorRecordingId: string; status: string };

export async function recordingStatuses(db: pg.Pool, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<TStatusRow>(
    'SELECT "vendorRecordingId", status::text AS status FROM "Recording" WHERE "vendorRecordingId" = ANY($1)',
    [ids],
  );
  return new Map(rows.map((r) => [r.vendorRecordingId, r.status]));
}

/** Version count per vendor recording id (the id is the key's file name, percent-escaped, before the extension). */
async function versionsPerId(s3: S3Client, buckets: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const Bucket of buckets) {
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    do {
      const page = await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: 'voice/', KeyMarker, VersionIdMarker }));
      for (const v of page.Versions ?? []) {
        if ((v.Key ?? '').includes('.peaks/')) continue; // waveform peaks beside the media, not a media version
        const file = (v.Key ?? '').split('/').pop() ?? '';
        const id = decodeURIComponent(file.replace(/\.[a-z0-9]{1,5}$/, ''));
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      VersionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (KeyMarker);
  }
  return counts;
}

/** Unfinished multipart uploads in the buckets, started at or after `since` when given. */
export async function openUploads(s3: S3Client, buckets: string[], since?: Date): Promise<number> {
  let n = 0;
  for (const Bucket of buckets) {
    const uploads = (await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads ?? [];
    n += uploads.filter((u) => !since || (u.Initiated && u.Initiated.getTime() >= since.getTime() - 1000)).length;
  }
  return n;
}

/** The ids among `ids` that have given up for now: FAILED, or dead-lettered and not replayed. */
export async function givenUp(db: pg.Pool, ids: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT "vendorRecordingId" AS id FROM "Recording" WHERE "vendorRecordingId" = ANY($1) AND status = 'FAILED'
     UNION SELECT "vendorRecordingId" AS id FROM "DeadLetter" WHERE "vendorRecordingId" = ANY($1) AND "replayedAt" IS NULL`,
    [ids],
  );
  return new Set(rows.map((r) => r.id));
}

async function reasonsFor(db: pg.Pool, ids: string[]): Promise<{ quarantine: Map<string, string>; failure: Map<string, string> }> {
  const q = await db.query<{ id: string; reason: string }>(
    'SELECT r."vendorRecordingId" AS id, q.reason::text AS reason FROM "QuarantineCase" q JOIN "Recording" r ON r.id = q."recordingId" WHERE r."vendorRecordingId" = ANY($1)',
    [ids],
  );
  const dl = await db.query<{ id: string; reason: string }>(
    'SELECT "vendorRecordingId" AS id, "failedReason" AS reason FROM "DeadLetter" WHERE "vendorRecordingId" = ANY($1) AND "replayedAt" IS NULL',
    [ids],
  );
  return { quarantine: new Map(q.rows.map((r) => [r.id, r.reason])), failure: new Map(dl.rows.map((r) => [r.id, r.reason])) };
}

export async function countOutcome(
  db: pg.Pool,
  s3: S3Client,
  buckets: string[],
  recs: TSimRecording[],
  accepted: Set<string>,
  sims: Record<string, TSimulator>,
  since: Date,
): Promise<TOutcome> {
  const ids = recs.map((r) => r.id);
  const [statuses, versions, uploads, why] = await Promise.all([
    recordingStatuses(db, ids),
    versionsPerId(s3, buckets),
    openUploads(s3, buckets, since),
    reasonsFor(db, ids),
  ]);
  const out: TOutcome = {
    accepted: 0,
    archivedOnce: 0,
    quarantined: 0,
    failed: 0,
    lost: 0,
    duplicateVersions: 0,
    orphanUploads: uploads,
    downloads: 0,
    downloadStarts: 0,
    reasons: [],
    lostIds: [],
  };
  const reasons = new Map<string, number>();
  const note = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1);
  for (const rec of recs) {
    const n = versions.get(rec.id) ?? 0;
    out.duplicateVersions += Math.max(0, n - 1);
    out.downloads += sims[rec.vendor]!.downloadCount(rec.id);
    out.downloadStarts += sims[rec.vendor]!.downloadStarts(rec.id);
    if (!accepted.has(rec.id)) continue;
    out.accepted += 1;
    const status = statuses.get(rec.id);
    if (status === 'ARCHIVED' && n === 1) out.archivedOnce += 1;
    else if (status === 'QUARANTINED') {
      out.quarantined += 1;
      note(`quarantined: ${why.quarantine.get(rec.id) ?? 'no case'}`);
    } else if (why.failure.has(rec.id) || status === 'FAILED') {
      out.failed += 1;
      note(`failed: ${(why.failure.get(rec.id) ?? 'FAILED').slice(0, 80)}`);
    } else if (status !== 'ARCHIVED') {
      out.lost += 1;
      out.lostIds.push(rec.id);
    }
  }
  out.reasons = [...reasons].map(([r, n]) => `${n}× ${r}`);
  return out;
}
