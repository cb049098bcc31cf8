// Failures talking to a vendor, classified so the pipeline can decide between "retry later" (BullMQ backoff)
// and "no retry can fix this" (configuration, missing resource). Messages never carry secrets or media URLs.
export type TVendorErrorCode =
  | 'config' // refused by our own policy (plain http to a remote host, bad account setup)
  | 'auth_failed' // credentials rejected by the token endpoint
  | 'tls_pin_mismatch'
  | 'network'
  | 'rate_limited' // 429 beyond what the client waits out itself
  | 'server_error' // 5xx after bounded retries
  | 'not_ready' // Genesys still transcoding (202) after bounded waiting
  | 'not_found'
  | 'media_expired' // download URL kept expiring (403) after fresh URLs
  | 'truncated_stream' // media stream ended before Content-Length bytes
  | 'missing_interaction' // a Genesys recording cannot be fetched without its conversation id
  | 'size_mismatch' // the vendor stated the file size and a different number of bytes arrived
  | 'media_unavailable' // the vendor reports the recording deleted or in error: no retry brings it back
  | 'bad_response'
  | 'http_error';

const RETRYABLE: ReadonlySet<TVendorErrorCode> = new Set([
  'network',
  'rate_limited',
  'server_error',
  'not_ready',
  'media_expired',
  'truncated_stream',
  'size_mismatch',
]);

export class VendorError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly code: TVendorErrorCode,
    message: string,
    readonly details: {
      status?: number;
      accountId?: string;
      retryAfterMs?: number;
      bytesReceived?: number;
      contentLength?: number | null;
      expectedBytes?: number | null;
    } = {},
  ) {
    super(message);
    this.name = 'VendorError';
    this.retryable = RETRYABLE.has(code);
  }
}
