// Reads a webhook body as raw bytes (signatures are computed on the exact bytes sent), refusing oversize
// bodies on the declared Content-Length before reading and again while reading (chunked or lying senders).
import { AppError } from '@/lib/http/app-error';

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `Request body exceeds ${maxBytes} bytes`);
}

/** Cheap early refusal, before the account lookup or any byte is read. */
export function rejectDeclaredOversize(request: Request, maxBytes: number): void {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
}

export async function readWebhookBody(request: Request, maxBytes: number): Promise<Buffer> {
  rejectDeclaredOversize(request, maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
