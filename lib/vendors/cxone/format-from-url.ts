// CXone states no media format: the file name's extension in fileToPlayUrl is the only label there is. It
// is passed on as evidence; the media check identifies the container from the bytes themselves.
const FORMATS: Record<string, string> = { mp3: 'mp3', mp4: 'mp4', m4a: 'mp4', wav: 'wav', ogg: 'ogg', opus: 'ogg', webm: 'webm' };

/** The format label the URL's file name suggests, or null when it suggests none we know. */
export function formatFromUrl(fileToPlayUrl: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(fileToPlayUrl, 'http://relative.invalid').pathname;
  } catch {
    return null;
  }
  const ext = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase();
  return ext ? (FORMATS[ext] ?? null) : null;
}
