// Failures of the archive pipeline, classified for the worker: a retryable failure releases the claim and
// lets BullMQ back off and try again; a permanent one becomes an UnrecoverableError (no retry can fix it).
import { ZodError } from 'zod';
import { AppError } from '@/lib/http/app-error';
import { VendorError } from '@/lib/vendors/http/vendor-error';

export type TArchiveErrorKind = 'retryable' | 'permanent';

export type TArchiveErrorCode =
  | 'short_stream'
  | 'download_failed'
  | 'upload_failed'
  | 'checksum_mismatch'
  | 'version_unknown'
  | 'residency_violation'
  | 'unknown_account';

export class ArchiveError extends Error {
  constructor(
    readonly kind: TArchiveErrorKind,
    readonly code: TArchiveErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/** Failures no retry can fix: our own permanent errors, vendor errors the client marks so, unknown
 *  accounts, malformed job data. Everything else (network, storage, short streams) is worth a retry. */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof ArchiveError) return error.kind === 'permanent';
  if (error instanceof VendorError) return !error.retryable;
  if (error instanceof AppError) return error.code === 'not_found' || error.code === 'bad_request' || error.code === 'unprocessable';
  return error instanceof ZodError;
}
