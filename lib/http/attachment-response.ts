// A stored file streamed to the browser as a download (never cached: it holds archive data).
import { Readable } from 'node:stream';

export function attachmentResponse(file: { stream: Readable; filename: string; size: number }, contentType: string): Response {
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
