// Genesys Cloud CX client: client-credentials OAuth, conversation recordings (202 while transcoding), presigned
// media URLs fetched fresh per download, and the analytics details query as the listing for polling sweeps.
import { partitionDate } from '@/lib/ingest/partition-date';
import { setTimeout as sleep } from 'node:timers/promises';
import { createVendorApi, type TClientOptions } from '@/lib/vendors/http/create-vendor-api';
import { decodeCursor, encodeCursor } from '@/lib/vendors/http/cursor';
import { openMediaStream } from '@/lib/vendors/http/open-media-stream';
import { parseWire } from '@/lib/vendors/http/parse-wire';
import type { TCall, VendorApi } from '@/lib/vendors/http/vendor-api';
import { VendorError } from '@/lib/vendors/http/vendor-error';
import type { TListedRecording, TListPage, TMediaDownload, TRawMetadata, TRecordingRef, TVendorAccount, TVendorClient } from '@/lib/vendors/types';
import { GENESYS_FORMAT_ID, GENESYS_SCHEMA_VERSION, ZDetailsQueryResponse, ZListCursor, ZRecording, ZRecordingMetadata, type TListCursor } from './wire';

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

function dateOf(iso: string | undefined): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}T/.test(iso) ? partitionDate(iso) : null;
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
    const call: TCall = { method: 'POST', url: this.url('/api/v2/analytics/conversations/details/query'), auth: true, body, headers: { 'content-type': 'application/json' } };
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

  /** Conversation-end events: the conversation's recordings, waiting out 202 (bounded) so none is missed. */
  async listInteractionRecordings(conversationId: string): Promise<TListedRecording[]> {
    const recordings = parseWire(ZRecording.array(), await this.transcodedRecordings(conversationId), 'recordings', this.account.id);
    return recordings.map((r) => ({ vendorRecordingId: r.id, interactionId: r.conversationId ?? conversationId, interactionDate: dateOf(r.startTime) }));
  }

  /** Sweeps: recording metadata only (no transcoding is triggered for every listed conversation). */
  private async recordingMetadata(conversationId: string): Promise<TListedRecording[]> {
    const url = this.url(`/api/v2/conversations/${encodeURIComponent(conversationId)}/recordingmetadata`);
    const { body } = await this.api.json<unknown>({ method: 'GET', url, auth: true });
    const items = parseWire(ZRecordingMetadata.array(), body, 'recordingmetadata', this.account.id);
    return items
      .filter((r) => (r.media ?? 'audio') === 'audio' && r.fileState !== 'DELETED')
      .map((r) => ({ vendorRecordingId: r.id, interactionId: r.conversationId ?? conversationId, interactionDate: dateOf(r.startTime) }));
  }

  async fetchMetadata(ref: TRecordingRef): Promise<TRawMetadata> {
    const conversationId = this.conversationOf(ref);
    const recording = await this.transcodedRecording(conversationId, ref.vendorRecordingId);
    const url = this.url(`/api/v2/analytics/conversations/${encodeURIComponent(conversationId)}/details`);
    const { body: conversation } = await this.api.json<unknown>({ method: 'GET', url, auth: true });
    return { payload: { recording, conversation, formatId: GENESYS_FORMAT_ID }, schemaVersion: GENESYS_SCHEMA_VERSION };
  }

  async openMedia(ref: TRecordingRef): Promise<TMediaDownload> {
    const conversationId = this.conversationOf(ref);
    return openMediaStream(this.api, async () => {
      const recording = parseWire(ZRecording, await this.transcodedRecording(conversationId, ref.vendorRecordingId), 'recording', this.account.id);
      const uri = Object.values(recording.mediaUris ?? {}).find((m) => m.mediaUri)?.mediaUri;
      if (!uri) throw new VendorError('bad_response', `${this.account.id}: recording ${ref.vendorRecordingId} has no media URI`);
      return { url: new URL(uri), auth: false, formatHint: 'wav' };
    });
  }

  private conversationOf(ref: TRecordingRef): string {
    if (ref.interactionId) return ref.interactionId;
    throw new VendorError('missing_interaction', `${this.account.id}: Genesys recording ${ref.vendorRecordingId} cannot be fetched without its conversation id`);
  }

  /** One recording of the conversation, as Genesys returns it (raw: the payload is archived verbatim). */
  private async transcodedRecording(conversationId: string, recordingId: string): Promise<Record<string, unknown>> {
    const body = await this.transcodedRecordings(conversationId);
    const index = parseWire(ZRecording.array(), body, 'recordings', this.account.id).findIndex((r) => r.id === recordingId);
    const found = (body as Record<string, unknown>[])[index];
    if (!found) throw new VendorError('not_found', `${this.account.id}: conversation has no recording ${recordingId}`, { status: 404 });
    return found;
  }

  /** The conversation's recordings transcoded to WAV; 202 (still transcoding) is waited out, bounded. */
  private async transcodedRecordings(conversationId: string): Promise<unknown> {
    const url = this.url(`/api/v2/conversations/${encodeURIComponent(conversationId)}/recordings`, { maxWaitMs: '5000', formatId: GENESYS_FORMAT_ID });
    for (let poll = 0; poll <= this.api.policy.notReadyPolls; poll++) {
      const { status, body } = await this.api.json<unknown>({ method: 'GET', url, auth: true }, [200, 202]);
      if (status === 200) return body;
      if (poll < this.api.policy.notReadyPolls) await sleep(this.api.policy.notReadyDelayMs);
    }
    throw new VendorError('not_ready', `${this.account.id}: conversation ${conversationId} recordings are still being transcoded`, { status: 202 });
  }
}

export function createGenesysClient(account: TVendorAccount, opts?: TClientOptions): GenesysClient {
  return new GenesysClient(account, opts);
}
