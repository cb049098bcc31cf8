// Opens a recording download: ask the vendor for a FRESH media URL right before every GET (URLs expire within
// minutes and are never stored), treat 403 as "expired" → new URL, and hand back the body as a stream.
import type { TMediaDownload } from '@/lib/vendors/types';
import { drain } from './open-request';
import { lengthCheckedStream } from './length-checked-stream';
import type { VendorApi } from './vendor-api';
import { VendorError } from './vendor-error';

/** Where to download from: a presigned URL (auth false) or a vendor API URL that wants the bearer token. */
export type TMediaLocation = { url: URL; auth: boolean; formatHint: string; expectedBytes?: number | null };

const FORMAT_BY_TYPE: Record<string, string> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'mp4',
  'audio/m4a': 'mp4',
  'audio/x-m4a': 'mp4',
  'video/mp4': 'mp4',
  'audio/ogg': 'ogg',
  'audio/opus': 'ogg',
  'audio/webm': 'webm',
  'video/webm': 'webm',
};
const KNOWN_EXTENSIONS = new Set(['wav', 'mp3', 'mp4', 'm4a', 'ogg', 'opus', 'webm']);

export function mediaFormatOf(contentType: string | null, url: URL, hint: string): string {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const byType = type ? FORMAT_BY_TYPE[type] : undefined;
  if (byType) return byType;
  const ext = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  if (ext && KNOWN_EXTENSIONS.has(ext)) return ext === 'm4a' ? 'mp4' : ext === 'opus' ? 'ogg' : ext;
  return hint;
}

function contentLengthOf(header: string | undefined): number | null {
  if (!header || !/^\d+$/.test(header)) return null;
  return Number(header);
}

function sizeMismatch(api: VendorApi, expectedBytes: number, contentLength: number): VendorError {
  return new VendorError(
    'size_mismatch',
    `${api.account.id}: the vendor stated ${expectedBytes} bytes but the download is ${contentLength} bytes`,
    {
      accountId: api.account.id,
      expectedBytes,
      contentLength,
    },
  );
}

export async function openMediaStream(api: VendorApi, locate: () => Promise<TMediaLocation>): Promise<TMediaDownload> {
  for (let tries = 0; tries <= api.policy.mediaUrlRefreshes; tries++) {
    const location = await locate();
    const res = await api.send({ method: 'GET', url: location.url, auth: location.auth, timeoutMs: api.policy.mediaIdleTimeoutMs });
    const status = res.statusCode ?? 0;
    if (status === 403) {
      drain(res);
      continue;
    }
    if (status !== 200) {
      drain(res);
      throw api.statusError(status, new URL(location.url.origin + location.url.pathname));
    }
    const contentLength = contentLengthOf(res.headers['content-length']);
    const contentType = res.headers['content-type'] ?? null;
    const expectedBytes = location.expectedBytes ?? null;
    if (expectedBytes !== null && contentLength !== null && contentLength !== expectedBytes) {
      drain(res);
      throw sizeMismatch(api, expectedBytes, contentLength);
    }
    return {
      stream: lengthCheckedStream(res, contentLength ?? expectedBytes, api.account.id),
      contentLength,
      contentType,
      mediaFormat: mediaFormatOf(contentType, location.url, location.formatHint),
    };
  }
  throw new VendorError(
    'media_expired',
    `${api.account.id}: media URL was refused (403) ${api.policy.mediaUrlRefreshes + 1} times in a row`,
    {
      status: 403,
      accountId: api.account.id,
    },
  );
}
