/**
 * Vendor simulators — the shape every test and the demo use.
 *
 * const sim = await startGenesysSimulator({ accounts?, port?, host? })   // or startCxoneSimulator
 * sim.url                          http://127.0.0.1:<port> (port 0 → ephemeral unless `port` given)
 * sim.accounts                     TSimAccount[] — distinguished by OAuth client id / access key id
 * sim.vendorAccounts()             TVendorAccount[] pointing at this simulator (what lib/vendors/accounts.ts would build)
 * sim.vendorAccountsJson()         VENDOR_ACCOUNTS entries (JSON input shape) for these accounts
 * sim.addRecording(spec)           TSimRecording — a finished call with generated audio (WAV 8 kHz for Genesys,
 *                                  MP3 16 kHz for CXone); spec.mediaSeconds < spec.seconds = truncated media,
 *                                  spec.missing = mandatory metadata fields left out, spec.pendingPolls = 202s (Genesys)
 * sim.recordings() / sim.recording(id)
 * sim.faults                       TSimFaults, mutable at any time (see below)
 * sim.revokeTokens()               every issued token answers 401 from now on (client must re-authenticate)
 * sim.requests                     TSimRequest[] — log of every request with its arrival time (ms) and answer
 * sim.downloadCount(id)            completed media downloads of a recording (all bytes sent)
 * sim.downloadStarts(id)           started media downloads (200 answered), completed or not
 * sim.emitWebhook(rec, opts)       POST the recording's event(s) to opts.baseUrl, signed per account
 * sim.emitAll(recs, opts)          many events: duplicates × N, shuffled, with bounded concurrency
 * sim.stop()                       closes the server and every open connection
 *
 * Webhook URLs: POST <baseUrl>/api/webhooks/genesys?account=<id> and /api/webhooks/cxone?account=<id>.
 * Auth headers: `Authorization: Bearer <webhookBearerToken>` when the account has one; `X-CallVault-Timestamp`
 * and `X-CallVault-Signature: sha256=<hex HMAC-SHA256(webhookHmacSecret, "<timestamp>.<raw body>")>` when it has a secret.
 */
import type { TVendorAccount } from '@/lib/vendors/types';

export type TSimAccount = {
  /** Our vendorAccountId (VENDOR_ACCOUNTS id). */
  id: string;
  name: string;
  /** Genesys region host (mypurecloud.ie) or CXone area (eu1): decides residency in the app. */
  instance: string;
  clientId: string;
  clientSecret: string;
  webhookBearerToken: string | null;
  webhookHmacSecret: string | null;
};

/** Mandatory canonical fields a simulated recording can leave out of its metadata. */
export type TSimMissingField = 'startTime' | 'endTime' | 'duration' | 'direction' | 'participants' | 'mediaFormat';

export type TSimRecordingSpec = {
  /** Owning account id; default: the simulator's first account. */
  accountId?: string;
  /** vendorRecordingId; default generated (UUID for Genesys, numeric contact id for CXone). */
  id?: string;
  /** Genesys conversationId (share it to put several recordings in one conversation) / CXone masterContactId. */
  interactionId?: string;
  /** Stated duration in seconds (Genesys outputDurationMs, CXone playback duration). Default 30. */
  seconds?: number;
  /** Actual audio length; less than `seconds` simulates platform-side truncation. Default = seconds. */
  mediaSeconds?: number;
  /** Recording start; default: ended just now. */
  startTime?: Date;
  direction?: 'inbound' | 'outbound';
  agent?: { id: string; name: string };
  customer?: { number: string; name?: string };
  tags?: string[];
  missing?: TSimMissingField[];
  /** Genesys: answer 202 (transcoding) this many times before 200. */
  pendingPolls?: number;
  /** Audio seed (deterministic content). */
  seed?: number;
  /** Sample rate of Genesys WAV media (8000 default, or 16000). */
  sampleRate?: 8000 | 16000;
  /** Genesys Recording.media: 'audio' (default), or a screen/chat recording of the same conversation. */
  mediaKind?: TSimMedia;
  /** Genesys Recording.fileState: AVAILABLE (default); ARCHIVED needs a restore (PUT) first; DELETED is gone. */
  fileState?: TSimFileState;
  /** Genesys Recording.outputSizeInBytes as stated; default the size actually served. */
  statedSizeBytes?: number;
};

export type TSimMedia = 'audio' | 'screen' | 'chat';
export type TSimFileState = 'AVAILABLE' | 'ARCHIVED' | 'RESTORING' | 'RESTORED' | 'DELETED';

export type TSimRecording = {
  vendor: 'genesys' | 'cxone';
  account: TSimAccount;
  id: string;
  /** = id; lets a TSimRecording be passed wherever a TRecordingRef is expected. */
  vendorRecordingId: string;
  interactionId: string;
  seconds: number;
  mediaSeconds: number;
  startTime: Date;
  endTime: Date;
  direction: 'inbound' | 'outbound';
  agent: { id: string; name: string };
  customer: { number: string; name: string | null };
  tags: string[];
  missing: TSimMissingField[];
  /** Remaining 202 answers (Genesys). */
  pendingPolls: number;
  mediaKind: TSimMedia;
  /** Changes when a restore is requested (ARCHIVED → RESTORING → RESTORED). */
  fileState: TSimFileState;
  statedSizeBytes: number | null;
  seed: number;
  sampleRate: 8000 | 16000;
  /** When the vendor considers the record last updated (listing order / updatedSince). */
  updatedAt: Date;
  contentType: string;
  /** Exact media size in bytes (what Content-Length announces). */
  mediaSize(): number;
  /** The full media (generated on first use, cached for MP3). */
  media(): Buffer;
};

export type TSimFaults = {
  /** Lifetime of issued OAuth tokens. Default 3600. */
  tokenTtlSeconds: number;
  /** The next N API calls (not token, not media) answer 429 with Retry-After: retryAfterSeconds. */
  rateLimitNext: number;
  retryAfterSeconds: number;
  /** The next N API calls answer 503. */
  serverErrorNext: number;
  /** Lifetime of issued media URLs; a GET after expiry answers 403. Default 300. */
  mediaUrlTtlSeconds: number;
  /** The next N media URLs handed out are already expired (deterministic 403 without waiting). */
  expireNextMediaUrls: number;
  /** The next N media downloads announce the full Content-Length, send cutAfterBytes bytes, then drop the socket. */
  cutNextStreams: number;
  cutAfterBytes: number;
  /** Upper bound on listing page sizes, whatever the client asks (forces pagination in tests). */
  maxPageSize: number;
};

export type TSimRequest = {
  at: number;
  method: string;
  path: string;
  status: number;
  accountId: string | null;
  kind: 'token' | 'api' | 'media' | 'other';
};

export type TEmitOptions = {
  /** Console base URL, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** Genesys: 'seed' = recording.completed (default), 'real' = EventBridge conversation-end. CXone: 'seed' only. */
  style?: 'seed' | 'real' | 'recording-topic';
  /** Deliveries per event (at-least-once redelivery), same event id each time. Default 1. */
  duplicates?: number;
  /** Shuffle the delivery order (true, or a numeric seed for a reproducible order). */
  shuffle?: boolean | number;
  /** Parallel POSTs. Default 4. */
  concurrency?: number;
  /** Corrupt the signature (auth tests). */
  tamper?: boolean;
};

export type TEmitResult = { eventId: string; vendorRecordingId: string; interactionId: string; status: number; body: string; at: number };

export type TSimulator = {
  readonly vendor: 'genesys' | 'cxone';
  readonly url: string;
  readonly accounts: TSimAccount[];
  readonly faults: TSimFaults;
  readonly requests: TSimRequest[];
  vendorAccounts(): TVendorAccount[];
  vendorAccountsJson(): Record<string, unknown>[];
  addRecording(spec?: TSimRecordingSpec): TSimRecording;
  recordings(): TSimRecording[];
  recording(id: string): TSimRecording | undefined;
  revokeTokens(): void;
  downloadCount(vendorRecordingId: string): number;
  downloadStarts(vendorRecordingId: string): number;
  emitWebhook(recording: TSimRecording, opts: TEmitOptions): Promise<TEmitResult[]>;
  emitAll(recordings: TSimRecording[], opts: TEmitOptions): Promise<TEmitResult[]>;
  stop(): Promise<void>;
};

export type TSimulatorOptions = {
  accounts?: TSimAccount[];
  /** Fixed port (demo: 4010 Genesys, 4020 CXone); default 0 = ephemeral. */
  port?: number;
  host?: string;
  faults?: Partial<TSimFaults>;
};
