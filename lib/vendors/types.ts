// The contract between vendor-specific code (lib/vendors/genesys, lib/vendors/cxone) and the pipeline.
import type { Readable } from 'node:stream';
import type { CallDirection, ParticipantRole, VendorSource } from '@/lib/generated/prisma/enums';

export type TVendor = VendorSource; // 'GENESYS_CLOUD' | 'NICE_CXONE'

/** Wire name of a vendor (canonical schema's vendorSource, idempotency keys, queue names). */
export const VENDOR_SLUG: Record<TVendor, 'genesys-cloud' | 'nice-cxone'> = {
  GENESYS_CLOUD: 'genesys-cloud',
  NICE_CXONE: 'nice-cxone',
};

/** One vendor tenant (VENDOR_ACCOUNTS in the environment; secrets never reach the database). */
export type TVendorAccount = {
  id: string;
  vendorSource: TVendor;
  name: string;
  /** Genesys region host (mypurecloud.ie) or CXone area (eu1). */
  instance: string;
  /** Residency region derived from the instance; picks the storage bucket. */
  residencyRegion: string;
  apiBaseUrl: string;
  authUrl: string;
  clientId: string;
  clientSecret: string;
  /** base64 SHA-256 SPKI pins for the vendor's TLS hosts; empty = no pinning (still TLS >= 1.2). */
  tlsPins: string[];
  requestsPerMinute: number;
  /** Webhook auth for this account: expected `Authorization: Bearer` value; null = not used. */
  webhookBearerToken: string | null;
  /** Webhook auth for this account: HMAC-SHA256 key for X-CallVault-Signature; null = not used. */
  webhookHmacSecret: string | null;
  /** Webhook auth for this account: an API-key header (what an EventBridge API destination can send, since it
   *  cannot sign bodies); null = not used. */
  webhookApiKey?: { header: string; value: string } | null;
  /** CXone: host of the media-playback API when it differs from apiBaseUrl (<area>.nice-incontact.com). */
  mediaBaseUrl?: string;
  /** Extra CA certificate(s), PEM, trusted for this account's TLS hosts (private CAs, test servers). */
  tlsCaPem?: string;
};

export type TListedRecording = {
  vendorRecordingId: string;
  interactionId: string | null;
  /** YYYY-MM-DD of the interaction, for queue partition tags; null when the listing does not say. */
  interactionDate: string | null;
};

export type TListPage = { recordings: TListedRecording[]; nextCursor: string | null };

/** A recording of an interaction the client deliberately does not list (a screen or chat recording), and why. */
export type TSkippedRecording = { vendorRecordingId: string; interactionId: string; media: string | null; reason: string };

/** An interaction's archivable recordings and the ones skipped, which the caller puts on record. */
export type TInteractionRecordings = { recordings: TListedRecording[]; skipped: TSkippedRecording[] };

/** One vendor API response body exactly as received (these bytes are what its sha256 covers). */
export type TRawResponse = { source: string; status: number; contentType: string | null; body: Buffer };

/** Vendor metadata as received: `payload` is the parsed composite the normalizer reads, `responses` the exact
 *  bodies it was assembled from, with the vendor schema version it was read as. */
export type TRawMetadata = { payload: unknown; schemaVersion: string; responses?: TRawResponse[] };

export type TMediaDownload = {
  stream: Readable;
  /** From Content-Length; null when the vendor streams without one. */
  contentLength: number | null;
  contentType: string | null;
  /** wav | mp3 | mp4 | ogg | webm */
  mediaFormat: string;
};

export type TRecordingRef = { vendorRecordingId: string; interactionId?: string | null };

export interface TVendorClient {
  readonly account: TVendorAccount;
  /** One page of recordings changed since the cursor / updatedSince (fallback polling). */
  listRecordings(position: { cursor: string | null; updatedSince: Date | null }): Promise<TListPage>;
  /** Recordings of one interaction (Genesys conversation-end events name a conversation, not a recording). */
  listInteractionRecordings(interactionId: string): Promise<TInteractionRecordings>;
  fetchMetadata(ref: TRecordingRef): Promise<TRawMetadata>;
  /** Fetches a FRESH media URL and opens the download; an expired URL (403) is replaced and retried. */
  openMedia(ref: TRecordingRef): Promise<TMediaDownload>;
}

export type TCanonicalParticipant = { role: ParticipantRole; identifier: string | null; displayName: string | null };

/** The canonical compliance record, as normalized from vendor metadata (storage fields come later). */
export type TCanonicalRecording = {
  vendorSource: TVendor;
  vendorRecordingId: string;
  interactionId: string;
  startTime: Date;
  endTime: Date;
  durationSeconds: number;
  /** 'vendor': the API stated the duration; 'derived': the API states none, so it is end - start of the interaction. */
  durationSource: 'vendor' | 'derived';
  direction: CallDirection;
  participants: TCanonicalParticipant[];
  complianceTags: string[];
  mediaFormat: string;
  rawVendorPayloadVersion: string;
};

export type TNormalizeResult =
  | { ok: true; record: TCanonicalRecording }
  | { ok: false; problems: { field: string; problem: 'missing' | 'invalid'; detail?: string }[]; partial: Partial<TCanonicalRecording> };

/** A vendor webhook, parsed (lib/vendors/<vendor>/webhook-schema.ts): a recording to archive, or an interaction
 *  (Genesys conversation end) whose recordings must first be listed. */
export type TWebhookEvent =
  | {
      kind: 'recording';
      vendorRecordingId: string;
      interactionId: string | null;
      interactionDate: string | null;
      eventType: string;
      vendorEventId: string | null;
    }
  | { kind: 'interaction'; interactionId: string; interactionDate: string | null; eventType: string; vendorEventId: string | null };
