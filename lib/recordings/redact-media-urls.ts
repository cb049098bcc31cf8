// Vendor payloads carry pre-signed media URLs (Genesys mediaUris[].mediaUri, CXone fileToPlayUrl): anyone
// holding one downloads the call without a session, a reason or an audit entry. They are redacted for every
// role before a payload leaves the server; the stored payload stays verbatim. Fields known to carry media
// links lose the whole URL; any other absolute URL loses its query string (where signatures and tokens live).
export const REDACTED_URL = '[redacted vendor media URL]';

const MEDIA_FIELD = /^(media.*|file.*|download.*|recording.*|audio.*|playback.*)?(ur[il]|link|location|href)s?$/i;
const ABSOLUTE_URL = /\bhttps?:\/\/[^\s"'<>]+/gi;

function stripQuery(text: string): string {
  return text.replace(ABSOLUTE_URL, (url) => {
    const q = url.search(/[?#]/);
    return q === -1 ? url : `${url.slice(0, q)}?[redacted]`;
  });
}

export function redactMediaUrls(payload: unknown): unknown {
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') {
      if (key !== null && MEDIA_FIELD.test(key) && /^\s*https?:\/\//i.test(value)) return REDACTED_URL;
      return stripQuery(value);
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(payload, null);
}
