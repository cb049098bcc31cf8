// Genesys Cloud CX client: client-credentials OAuth, conversation recordings in an explicitly requested format
// (202 while transcoding; archived files restored first), presigned media URLs fetched fresh per download and
// checked against the stated size, and the analytics details query as the listing for polling sweeps.
import { setTimeout as sleep } from 'node:timers/promises';
import { partitionDate } from '@/lib/vendors/partition-date';
import { createVendorApi, type TClientOptions } from '@/lib/vendors/http/create-vendor-api';
import { decodeCursor, encodeCursor } from '@/lib/vendors/http/cursor';
import { openMediaStream } from '@/lib/vendors/http/open-media-stream';
import { parseWire } from '@/lib/vendors/http/parse-wire';
import type { TCall, TJsonResponse, VendorApi } from '@/lib/vendors/http/vendor-api';
import { VendorError } from '@/lib/vendors/http/vendor-error';
import type {
  TInteractionRecordings,
  TListedRecording,
  TListPage,
  TMediaDownload,
  TRawMetadata,
  TRawResponse,
  TRecordingRef,
  TVendorAccount,
  TVendorClient,
} from '@/lib/vendors/types';
import {
  FORMAT_LABELS,
  GENESYS_FORMAT_ID,
  GENESYS_SCHEMA_VERSION,
  isAudio,
  RESTORE_DAYS,
  ZDetailsQueryResponse,
  ZListCursor,
  ZRecording,
  ZRecordingMetadata,
  type TListCursor,
  type TRecording,
} from './wire';

const PAGE_SIZE = 25;
/** Conversations are listed by start time: look back this far so calls that were still running at the
 *  previous poll are seen once they have ended. */
const LOOKBACK_MS = 2 * 3600_000;
const FIRST_POLL_WINDOW_MS = 24 * 3600_000;

function tokenCall(account: TVendorAccount): TCall {
  const basic = Buffer.from(`${account.clientId}:${account.clientSecret}`).toString('base64');
  return {
    method: 'POST',
    url: new URL(account.authUrl),
    auth: false,
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  };
}

export class GenesysClient implements TVendorClient {
  private readonly api: VendorApi;
  private readonly pageSize: number;

  constructor(
    readonly account: TVendorAccount,
    opts: TClientOptions = {},
  ) {
    this.api = createVendorApi(account, tokenCall, opts);
    this.pageSize = opts.pageSize ?? PAGE_SIZE;
  }

  private url(path: string, query: Record<string, string> = {}): URL {
    const url = new URL(path, this.account.apiBaseUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url;
  }

  async listRecordings(position: { cursor: string | null; updatedSince: Date | null }): Promise<TListPage> {
    const pos = position.cursor ? decodeCursor(position.cursor, ZListCursor) : this.firstPage(position.updatedSince);
    const body = JSON.stringify({
      interval: `${pos.from}/${pos.to}`,
      order: 'asc',
      orderBy: 'conversationStart',
      paging: { pageSize: this.pageSize, pageNumber: pos.page },
      segmentFilters: [{ type: 'or', predicates: [{ type: 'dimension', dimension: 'mediaType', operator: 'matches', value: 'voice' }] }],
    });
    const call: TCall = {
      method: 'POST',
      url: this.url('/api/v2/analytics/conversations/details/query'),
      auth: true,
      body,
      headers: { 'content-type': 'application/json' },
    };
    const page = parseWire(ZDetailsQueryResponse, (await this.api.json<unknown>(call)).body, 'details query', this.account.id);
    const recordings: TListedRecording[] = [];
    // A conversation still in progress has no (complete) recording yet; the look-back finds it next time.
    for (const c of (page.conversations ?? []).filter((c) => c.conversationEnd)) {
      recordings.push(...(await this.recordingMetadata(c.conversationId)));
    }
    const more = pos.page * this.pageSize < (page.totalHits ?? 0);
    return { recordings, nextCursor: more ? encodeCursor({ ...pos, page: pos.page + 1 } satisfies TListCursor) : null };
  }

  private firstPage(updatedSince: Date | null): TListCursor {
    const now = Date.now();
    const from = updatedSince ? updatedSince.getTime() - LOOKBACK_MS : now - FIRST_POLL_WINDOW_MS;
    return { v: 1, from: new Date(from).toISOString(), to: new Date(now).toISOString(), page: 1 };
  }

  /** Conversation events: the conversation's audio recordings, waiting out 202 (bounded) so none is missed.
   *  Screen, chat and other non-audio recordings are returned as skipped, each with its reason. */
  async listInteractionRecordings(conversationId: string): Promise<TInteractionRecordings> {
    const { body } = await this.transcodedRecordings(conversationId);
    const recordings = parseWire(ZRecording.array(), body, 'recordings', this.account.id);
    const skipped = recordings
      .filter((r) => !isAudio(r))
      .map((r) => ({
        vendorRecordingId: r.id,
        interactionId: r.conversationId ?? conversationId,
        media: r.media ?? null,
        reason: `${r.media} recording: only audio recordings are archived`,
      }));
    const listed = recordings.filter(isAudio).map((r) => ({
      vendorRecordingId: r.id,
      interactionId: r.conversationId ?? conversationId,
      interactionDate: partitionDate(r.startTime),
    }));
    return { recordings: listed, skipped };
  }

  /** Sweeps: recording metadata only (no transcoding is triggered for every listed conversation). A sweep
   *  sees the same conversations again and again, so its skips are left to the event route's audit. */
  private async recordingMetadata(conversationId: string): Promise<TListedRecording[]> {
    const url = this.url(`/api/v2/conversations/${encodeURIComponent(conversationId)}/recordingmetadata`);
    const { body } = await this.api.json<unknown>({ method: 'GET', url, auth: true });
    const items = parseWire(ZRecordingMetadata.array(), body, 'recordingmetadata', this.account.id);
    return items
      .filter((r) => isAudio(r) && r.fileState !== 'DELETED')
      .map((r) => ({
        vendorRecordingId: r.id,
        interactionId: r.conversationId ?? conversationId,
        interactionDate: partitionDate(r.startTime),
      }));
  }

  async fetchMetadata(ref: TRecordingRef): Promise<TRawMetadata> {
    const conversationId = this.conversationOf(ref);
    const { recording, raw: recordingsResponse } = await this.transcodedRecording(conversationId, ref.vendorRecordingId);
    const url = this.url(`/api/v2/analytics/conversations/${encodeURIComponent(conversationId)}/details`);
    const { body: conversation, raw: detailsResponse } = await this.api.json<unknown>({ method: 'GET', url, auth: true });
    return {
      payload: { recording, conversation, formatId: GENESYS_FORMAT_ID },
      schemaVersion: GENESYS_SCHEMA_VERSION,
      responses: [recordingsResponse, detailsResponse],
    };
  }

  async openMedia(ref: TRecordingRef): Promise<TMediaDownload> {
    const conversationId = this.conversationOf(ref);
    return openMediaStream(this.api, async () => {
      const { recording: found } = await this.transcodedRecording(conversationId, ref.vendorRecordingId);
      const recording = parseWire(ZRecording, found, 'recording', this.account.id);
      const uri = Object.values(recording.mediaUris ?? {}).find((m) => m?.mediaUri)?.mediaUri;
      if (!uri) throw new VendorError('bad_response', `${this.account.id}: recording ${ref.vendorRecordingId} has no media URI`);
      // 0 means "no transcoded media" in the published model, so only a positive size is a statement.
      const expectedBytes = recording.outputSizeInBytes ? recording.outputSizeInBytes : null;
      return { url: new URL(uri), auth: false, formatHint: FORMAT_LABELS[GENESYS_FORMAT_ID] ?? 'wav', expectedBytes };
    });
  }

  private conversationOf(ref: TRecordingRef): string {
    if (ref.interactionId) return ref.interactionId;
    throw new VendorError(
      'missing_interaction',
      `${this.account.id}: Genesys recording ${ref.vendorRecordingId} cannot be fetched without its conversation id`,
    );
  }

  /** One recording of the conversation, as Genesys returns it (raw: the payload is archived verbatim), once
   *  its file is playable: an archived file is restored first, a deleted one is gone for good. */
  private async transcodedRecording(
    conversationId: string,
    recordingId: string,
  ): Promise<{ recording: Record<string, unknown>; raw: TRawResponse }> {
    const { body, raw } = await this.transcodedRecordings(conversationId);
    const index = parseWire(ZRecording.array(), body, 'recordings', this.account.id).findIndex((r) => r.id === recordingId);
    const found = (body as Record<string, unknown>[])[index];
    if (!found) throw new VendorError('not_found', `${this.account.id}: conversation has no recording ${recordingId}`, { status: 404 });
    await this.ensurePlayable(conversationId, parseWire(ZRecording, found, 'recording', this.account.id));
    return { recording: found, raw };
  }

  private async ensurePlayable(conversationId: string, r: TRecording): Promise<void> {
    const state = (r.fileState ?? 'AVAILABLE').toUpperCase();
    if (state === 'AVAILABLE' || state === 'RESTORED') return;
    if (state === 'DELETED' || state === 'ERROR') {
      const why = r.recordingErrorStatus ? ` (${r.recordingErrorStatus})` : '';
      throw new VendorError('media_unavailable', `${this.account.id}: recording ${r.id} is ${state}${why} at the vendor`, {
        accountId: this.account.id,
      });
    }
    if (state === 'ARCHIVED') await this.requestRestore(conversationId, r.id);
    throw new VendorError('not_ready', `${this.account.id}: recording ${r.id} is ${state}; retry once it is restored`, {
      accountId: this.account.id,
    });
  }

  /** Moving the archive date of an archived recording restores it until that date (RecordingApi
   *  put_conversation_recording). */
  private async requestRestore(conversationId: string, recordingId: string): Promise<void> {
    const url = this.url(`/api/v2/conversations/${encodeURIComponent(conversationId)}/recordings/${encodeURIComponent(recordingId)}`);
    const archiveDate = new Date(Date.now() + RESTORE_DAYS * 86_400_000).toISOString();
    await this.api.json<unknown>(
      { method: 'PUT', url, auth: true, body: JSON.stringify({ archiveDate }), headers: { 'content-type': 'application/json' } },
      [200, 202],
    );
  }

  /** The conversation's recordings transcoded to WAV; 202 (still transcoding) is waited out, bounded. */
  private async transcodedRecordings(conversationId: string): Promise<TJsonResponse<unknown>> {
    const url = this.url(`/api/v2/conversations/${encodeURIComponent(conversationId)}/recordings`, {
      maxWaitMs: '5000',
      formatId: GENESYS_FORMAT_ID,
    });
    for (let poll = 0; poll <= this.api.policy.notReadyPolls; poll++) {
      const response = await this.api.json<unknown>({ method: 'GET', url, auth: true }, [200, 202]);
      if (response.status === 200) return response;
      if (poll < this.api.policy.notReadyPolls) await sleep(this.api.policy.notReadyDelayMs);
    }
    throw new VendorError('not_ready', `${this.account.id}: conversation ${conversationId} recordings are still being transcoded`, {
      status: 202,
    });
  }
}

export function createGenesysClient(account: TVendorAccount, opts?: TClientOptions): GenesysClient {
  return new GenesysClient(account, opts);
}
